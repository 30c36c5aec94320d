package cn.hrss.seal.cli;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The node-exported package path with the node on H2 in PostgreSQL mode. */
class H2NodeExportedPackageTest extends NodeExportedPackageTestBase {
    static final TestDatabase DB = TestDatabase.h2();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        database(r, DB);
    }
}
