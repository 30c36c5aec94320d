package cn.hrss.seal.accounts.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of {@code account_user_role}: one role held by one user. */
@TableName("account_user_role")
public class UserRoleRow {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long userId;
    private String role;

    public UserRoleRow() {
    }

    public UserRoleRow(Long userId, String role) {
        this.userId = userId;
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
