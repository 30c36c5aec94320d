package cn.hrss.seal.making.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

public interface SealEventMapper extends BaseMapper<SealEventRow> {
}
