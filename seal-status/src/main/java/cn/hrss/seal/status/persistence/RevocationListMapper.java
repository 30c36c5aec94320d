package cn.hrss.seal.status.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;

public interface RevocationListMapper extends BaseMapper<RevocationListEntity> {

    /** Takes the publication lock until the transaction ends; other nodes' publications wait here. */
    @Select("SELECT id FROM seal_status_srl_lock WHERE id = 1 FOR UPDATE")
    Integer lockPublication();

    /** The highest published number, or null before the first publication. */
    @Select("SELECT MAX(number) FROM seal_status_srl")
    Long findLatestNumber();

    /** When the latest list says the next one is due, or null before the first publication. */
    @Select("SELECT next_update FROM seal_status_srl ORDER BY number DESC LIMIT 1")
    Instant findLatestNextUpdate();

    @Delete("DELETE FROM seal_status_srl WHERE number <= #{number}")
    int deleteUpTo(@Param("number") long number);
}
