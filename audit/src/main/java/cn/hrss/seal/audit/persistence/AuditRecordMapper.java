package cn.hrss.seal.audit.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

public interface AuditRecordMapper extends BaseMapper<AuditRecordRow> {

    /** Keyset page for the verifier: records after {@code afterSeq} in sequence order. */
    @Select("SELECT * FROM audit_record WHERE seq > #{afterSeq} ORDER BY seq LIMIT #{limit}")
    List<AuditRecordRow> pageAfter(@Param("afterSeq") long afterSeq, @Param("limit") int limit);
}
