package cn.hrss.seal.making.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface ApplicationMapper extends BaseMapper<ApplicationRow> {

    /** Reads and row-locks an application so that concurrent reviews or makes serialise. */
    @Select("SELECT * FROM making_application WHERE id = #{id} FOR UPDATE")
    ApplicationRow selectForUpdate(@Param("id") String id);
}
