package cn.hrss.seal.ca.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.OffsetDateTime;

/** Row of {@code ca_crl}. */
@TableName("ca_crl")
class CrlRow {
    @TableId(type = IdType.INPUT)
    Long crlNumber;
    OffsetDateTime thisUpdate;
    OffsetDateTime nextUpdate;
    byte[] der;
}
