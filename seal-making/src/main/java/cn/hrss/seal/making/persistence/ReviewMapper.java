package cn.hrss.seal.making.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

public interface ReviewMapper extends BaseMapper<ReviewRow> {
}
