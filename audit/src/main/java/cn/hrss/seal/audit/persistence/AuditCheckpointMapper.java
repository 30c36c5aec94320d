package cn.hrss.seal.audit.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Select;

public interface AuditCheckpointMapper extends BaseMapper<AuditCheckpointRow> {

    @Select("SELECT COALESCE(MAX(seq), 0) FROM audit_checkpoint")
    long lastSeq();
}
