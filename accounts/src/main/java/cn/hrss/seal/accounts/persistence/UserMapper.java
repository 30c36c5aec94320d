package cn.hrss.seal.accounts.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.OffsetDateTime;

public interface UserMapper extends BaseMapper<UserRow> {

    /** Counts a failed login atomically, so concurrent attempts on several nodes are all counted. */
    @Update("UPDATE account_user SET failed_attempts = failed_attempts + 1 WHERE id = #{id}")
    int countFailure(@Param("id") long id);

    /** Locks the account if the failure count reached the limit and it is not locked yet; 1 if this call locked it. */
    @Update("UPDATE account_user SET locked_until = #{until}, failed_attempts = 0"
            + " WHERE id = #{id} AND failed_attempts >= #{maxFailures}")
    int lockIfExceeded(@Param("id") long id, @Param("maxFailures") int maxFailures,
                       @Param("until") OffsetDateTime until);

    @Update("UPDATE account_user SET failed_attempts = 0, locked_until = NULL WHERE id = #{id}")
    int clearFailures(@Param("id") long id);

    @Select("SELECT COUNT(*) FROM account_user")
    long countAll();
}
