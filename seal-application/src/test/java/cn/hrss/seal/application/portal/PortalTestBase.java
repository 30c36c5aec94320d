package cn.hrss.seal.application.portal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One running node for all portal tests (the page tests and the browser test share the cached context): portal
 * limit 300 KB under a multipart limit of 2 MB, so both the portal's own limit and bodies beyond Spring's are tried.
 * Subclasses choose the node's database (the portal itself stores nothing) with a {@code @DynamicPropertySource}
 * calling {@link #database}.
 */
@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {PortalTestApplication.SWITCH + "=true", "seal.making.enabled=false",
                "seal.application.portal.max-upload-size=300KB",
                "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=2MB"})
@AutoConfigureMockMvc
abstract class PortalTestBase {
    @LocalServerPort int port;
    @Autowired PortalTestApplication.Documents documents;

    static void database(DynamicPropertyRegistry r, TestDatabase db) {
        r.add("spring.datasource.url", db::url);
        r.add("spring.datasource.username", db::user);
        r.add("spring.datasource.password", db::password);
    }

    String base() {
        return "http://localhost:" + port;
    }
}
