package cn.hrss.seal.console;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console on H2 in PostgreSQL mode (the node's embedded default). */
class H2ConsoleTest extends ConsoleTestBase {
    static final TestDatabase DB = TestDatabase.h2();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        register(r, DB);
    }
}
