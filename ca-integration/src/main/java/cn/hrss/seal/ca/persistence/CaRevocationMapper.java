package cn.hrss.seal.ca.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Select;

import java.util.List;

interface CaRevocationMapper extends BaseMapper<RevocationRow> {

    @Select("SELECT * FROM ca_revocation ORDER BY revoked_at, serial")
    List<RevocationRow> selectAllOrdered();
}
