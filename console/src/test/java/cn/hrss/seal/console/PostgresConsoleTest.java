package cn.hrss.seal.console;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console on PostgreSQL (production default); the database is dropped at JVM exit. */
class PostgresConsoleTest extends ConsoleTestBase {
    static final TestDatabase DB = TestDatabase.postgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        register(r, DB);
    }
}
