package cn.hrss.seal.status.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

public interface StatusHistoryMapper extends BaseMapper<StatusHistoryEntity> {

    /** The last status entered at or before {@code time} (index seal_status_history_at). */
    @Select("SELECT * FROM seal_status_history WHERE es_id = #{esId} AND changed_at <= #{time}"
            + " ORDER BY changed_at DESC, version DESC LIMIT 1")
    StatusHistoryEntity findInForceAt(@Param("esId") String esId, @Param("time") Instant time);

    @Select("SELECT * FROM seal_status_history WHERE es_id = #{esId} ORDER BY version")
    List<StatusHistoryEntity> findHistory(@Param("esId") String esId);
}
