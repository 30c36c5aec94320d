package cn.hrss.seal.ca.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Select;

interface CaCrlMapper extends BaseMapper<CrlRow> {

    @Select("SELECT * FROM ca_crl ORDER BY crl_number DESC LIMIT 1")
    CrlRow selectLatest();

    @Select("SELECT COALESCE(MAX(crl_number), 0) FROM ca_crl")
    long selectMaxNumber();
}
