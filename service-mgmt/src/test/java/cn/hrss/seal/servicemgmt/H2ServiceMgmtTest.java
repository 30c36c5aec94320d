package cn.hrss.seal.servicemgmt;

import cn.hrss.seal.testsupport.TestDatabase;

class H2ServiceMgmtTest extends ServiceMgmtTestBase {
    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
