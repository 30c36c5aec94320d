package cn.hrss.seal.accounts.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

public interface ApiClientMapper extends BaseMapper<ApiClientRow> {
}
