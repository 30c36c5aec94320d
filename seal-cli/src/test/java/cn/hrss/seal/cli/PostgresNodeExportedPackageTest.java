package cn.hrss.seal.cli;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The node-exported package path with the node on a fresh PostgreSQL database. */
class PostgresNodeExportedPackageTest extends NodeExportedPackageTestBase {
    static final TestDatabase DB = TestDatabase.postgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        database(r, DB);
    }
}
