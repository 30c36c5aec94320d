package cn.hrss.seal.ca.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

interface CaCertificateMapper extends BaseMapper<CertificateRow> {

    @Select("SELECT * FROM ca_certificate WHERE key_label = #{keyLabel} ORDER BY issued_at DESC, serial LIMIT 1")
    CertificateRow selectLatestByKeyLabel(@Param("keyLabel") String keyLabel);

    /** Returns 1 when the certificate was good and is now revoked, 0 otherwise. */
    @Update("UPDATE ca_certificate SET status = 'REVOKED' WHERE serial = #{serial} AND status = 'GOOD'")
    int markRevoked(@Param("serial") String serial);
}
