package cn.hrss.seal.ca.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.OffsetDateTime;

/** Row of {@code ca_certificate}. */
@TableName("ca_certificate")
class CertificateRow {
    @TableId(type = IdType.INPUT)
    String serial;
    String profile;
    String subject;
    String keyLabel;
    OffsetDateTime notBefore;
    OffsetDateTime notAfter;
    String status;
    byte[] der;
    OffsetDateTime issuedAt;
}
