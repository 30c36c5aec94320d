package cn.hrss.seal.node;

import cn.hrss.seal.testsupport.TestDatabase;

class H2FederatedNodesTest extends FederatedNodesTestBase {
    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
