package cn.hrss.seal.making;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lifecycle on PostgreSQL (production default); the database is dropped at JVM exit, after the context closed. */
class PostgresSealMakingHttpTest extends SealMakingHttpTestBase {
    static final TestDatabase DB = TestDatabase.postgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", DB::url);
        r.add("spring.datasource.username", DB::user);
        r.add("spring.datasource.password", DB::password);
    }
}
