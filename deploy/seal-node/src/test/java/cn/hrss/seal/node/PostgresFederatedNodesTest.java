package cn.hrss.seal.node;

import cn.hrss.seal.testsupport.TestDatabase;

class PostgresFederatedNodesTest extends FederatedNodesTestBase {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
