package cn.hrss.seal.making.persistence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Serial numbers for industry esIDs, one counter per (region, year) partition. The increment row-locks the counter
 * until the transaction ends, so two nodes or threads sharing the database never draw the same serial.
 */
public interface EsIdCounterMapper {

    @Insert("INSERT INTO making_es_id_counter (partition_key, last_serial) VALUES (#{key}, 0) ON CONFLICT DO NOTHING")
    void ensure(@Param("key") String partitionKey);

    @Update("UPDATE making_es_id_counter SET last_serial = last_serial + 1 WHERE partition_key = #{key}")
    int increment(@Param("key") String partitionKey);

    @Select("SELECT last_serial FROM making_es_id_counter WHERE partition_key = #{key}")
    long current(@Param("key") String partitionKey);
}
