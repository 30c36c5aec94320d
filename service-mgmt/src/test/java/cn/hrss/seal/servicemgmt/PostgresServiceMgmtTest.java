package cn.hrss.seal.servicemgmt;

import cn.hrss.seal.testsupport.TestDatabase;

class PostgresServiceMgmtTest extends ServiceMgmtTestBase {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
