package cn.hrss.seal.accounts.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;

public interface SessionMapper extends BaseMapper<SessionRow> {

    /** Removes sessions past their absolute lifetime or idle since before {@code idleCutoff}. */
    @Delete("DELETE FROM account_session WHERE expires_at <= #{now} OR last_used_at <= #{idleCutoff}")
    int deleteExpired(@Param("now") OffsetDateTime now, @Param("idleCutoff") OffsetDateTime idleCutoff);

    @Delete("DELETE FROM account_session WHERE subject_kind = #{kind} AND subject_id = #{id}")
    int deleteBySubject(@Param("kind") String kind, @Param("id") String id);
}
