package cn.hrss.seal.ca.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.OffsetDateTime;

/** Row of {@code ca_revocation}. */
@TableName("ca_revocation")
class RevocationRow {
    @TableId(type = IdType.INPUT)
    String serial;
    OffsetDateTime revokedAt;
    Integer reasonCode;
    OffsetDateTime recordedAt;
}
