package cn.hrss.seal.audit.persistence;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The chain head row. Locking it is what serialises appends across threads and nodes: every append reads the
 * head {@code FOR UPDATE}, inserts the next record and moves the head in one transaction.
 */
public interface ChainHeadMapper {

    @Select("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
    ChainHead lock();

    @Select("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
    ChainHead read();

    @Update("UPDATE audit_head SET last_seq = #{seq}, last_hash = #{hash} WHERE id = 1 AND last_seq = #{seq} - 1")
    int advance(@Param("seq") long seq, @Param("hash") String hash);
}
