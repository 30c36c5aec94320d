package cn.hrss.seal.making.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.OffsetDateTime;
import java.util.List;

public interface SealMapper extends BaseMapper<SealRow> {

    /** Reads and row-locks a seal by esID so that lifecycle steps on one seal serialise. */
    @Select("SELECT * FROM making_seal WHERE es_id = #{esId} FOR UPDATE")
    SealRow selectByEsIdForUpdate(@Param("esId") String esId);

    @Select("SELECT * FROM making_seal WHERE id = #{id} FOR UPDATE")
    SealRow selectByIdForUpdate(@Param("id") String id);

    /** Ids of valid seals whose validity ended at or before {@code now}. */
    @Select("SELECT id FROM making_seal WHERE status = 'VALID' AND valid_to <= #{now} ORDER BY valid_to LIMIT #{limit}")
    List<String> selectExpired(@Param("now") OffsetDateTime now, @Param("limit") int limit);

    /** Ids of valid seals expiring before {@code horizon} that have not been reminded yet. */
    @Select("SELECT id FROM making_seal WHERE status = 'VALID' AND reminded_at IS NULL AND valid_to <= #{horizon} "
            + "ORDER BY valid_to LIMIT #{limit}")
    List<String> selectDueForReminder(@Param("horizon") OffsetDateTime horizon, @Param("limit") int limit);
}
