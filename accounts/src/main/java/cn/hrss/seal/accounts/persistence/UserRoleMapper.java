package cn.hrss.seal.accounts.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

public interface UserRoleMapper extends BaseMapper<UserRoleRow> {
}
