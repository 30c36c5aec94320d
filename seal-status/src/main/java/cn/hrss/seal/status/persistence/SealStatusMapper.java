package cn.hrss.seal.status.persistence;

import cn.hrss.seal.status.api.SealStatus;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.mapping.ResultSetType;

import java.time.Instant;
import java.util.List;

public interface SealStatusMapper extends BaseMapper<SealStatusEntity> {

    /** Compare-and-set on the version: 1 when this writer won, 0 when someone changed the seal meanwhile. */
    @Update("UPDATE seal_status SET status = #{status}, since = #{since}, reason = #{reason}, version = version + 1"
            + " WHERE es_id = #{esId} AND version = #{expectedVersion}")
    int changeStatus(@Param("esId") String esId, @Param("expectedVersion") long expectedVersion,
                     @Param("status") SealStatus status, @Param("since") Instant since,
                     @Param("reason") String reason);

    /** Compare-and-set renewal: new validity end and certificate, status unchanged. */
    @Update("UPDATE seal_status SET valid_end = #{validEnd}, certificate_serial = #{certificateSerial},"
            + " version = version + 1 WHERE es_id = #{esId} AND version = #{expectedVersion}")
    int renew(@Param("esId") String esId, @Param("expectedVersion") long expectedVersion,
              @Param("validEnd") Instant validEnd, @Param("certificateSerial") String certificateSerial);

    /** VALID seals whose validity ended, oldest first (index seal_status_expiry). */
    @Select("SELECT es_id FROM seal_status WHERE status = 'VALID' AND valid_end <= #{now}"
            + " ORDER BY valid_end, es_id LIMIT #{limit}")
    List<String> findExpired(@Param("now") Instant now, @Param("limit") int limit);

    /**
     * Streams the listed (SUSPENDED, REVOKED) seals by esID; call inside a transaction so PostgreSQL uses a
     * server-side cursor with the fetch size instead of loading every row.
     */
    @Select("SELECT es_id, status, since, reason FROM seal_status"
            + " WHERE status IN ('REVOKED', 'SUSPENDED') ORDER BY es_id")
    @Options(resultSetType = ResultSetType.FORWARD_ONLY, fetchSize = 5000)
    Cursor<ListedEntryRow> streamListed();
}
