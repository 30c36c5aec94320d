package cn.hrss.seal.application.portal;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The portal's pages on a node over H2 in PostgreSQL mode. */
class H2PortalPageTest extends PortalPageTest {
    static final TestDatabase DB = TestDatabase.h2();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        database(r, DB);
    }
}
