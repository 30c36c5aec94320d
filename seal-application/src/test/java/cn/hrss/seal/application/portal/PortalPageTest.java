package cn.hrss.seal.application.portal;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** The portal's pages through MockMvc with the node's real security chain (no token is ever sent). */
abstract class PortalPageTest extends PortalTestBase {
    private static final String TOKEN = "t".repeat(43);

    @Autowired MockMvc mvc;

    @Test
    void formIsPublicChineseByDefaultWithViewportCspAndCsrfCookie() throws Exception {
        MvcResult result = mvc.perform(get("/verify")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"zh-CN\"", "name=\"viewport\"", "电子印章验证", "开始验证", "300 KB",
                "<label for=\"file\"");
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'none'", "img-src 'self' data:", "frame-ancestors 'none'");
        String cookie = result.getResponse().getHeader("Set-Cookie");
        assertThat(cookie).startsWith(PortalCsrf.COOKIE + "=").contains("HttpOnly", "SameSite=Strict");
        String token = cookie.substring(PortalCsrf.COOKIE.length() + 1, cookie.indexOf(';'));
        assertThat(html).contains("value=\"" + token + "\"");
    }

    @Test
    void englishByChoice() throws Exception {
        String html = mvc.perform(get("/verify").param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"en\"", "Electronic seal verification", "At most 300 KB",
                "action=\"/verify?lang=en\"").doesNotContain("开始验证");
    }

    @Test
    void stylesheetIsPublic() throws Exception {
        assertThat(mvc.perform(get("/portal/portal.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void signedPdfPassesWithSealNamePictureAndPlainChecks() throws Exception {
        MvcResult result = mvc.perform(upload(documents.signedPdf(), "contract.pdf")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"verdict-text\" class=\"verdict-text\">通过<", "v-PASSED",
                PortalTestApplication.SEAL_NAME, "CN=Seal Maker", "data:image/png;base64,",
                "文件自签章后未被修改", "（北京时间）", "时间戳时间");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void tamperedPdfFailsAndSaysTheDocumentWasChanged() throws Exception {
        String html = mvc.perform(upload(documents.tamperedPdf(), "contract.pdf")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(">未通过<", "v-FAILED", PortalTestApplication.SEAL_NAME, "签章后文件被修改过");
    }

    @Test
    void signedOfdPassesInEnglish() throws Exception {
        MvcResult result = mvc.perform(upload(documents.signedOfd(), "contract.ofd").param("lang", "en"))
                .andReturn();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(">PASSED<", "Document type: OFD", PortalTestApplication.SEAL_NAME,
                "The document has not been changed since it was sealed", "(Beijing time)");
    }

    @Test
    void wrongTypeIsRefusedByItsBytesNotItsName() throws Exception {
        MvcResult result = mvc.perform(upload("hello, not a pdf".getBytes(StandardCharsets.US_ASCII),
                "looks-like.pdf")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("role=\"alert\"", "只能验证 PDF 或 OFD 文件").doesNotContain("id=\"verdict\"");
    }

    @Test
    void emptyFileAndMissingFileAreRefused() throws Exception {
        MvcResult empty = mvc.perform(upload(new byte[0], "empty.pdf")).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(empty.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("所选文件为空");

        MvcResult none = mvc.perform(multipart("/verify").param(PortalCsrf.FIELD, TOKEN)
                .cookie(new Cookie(PortalCsrf.COOKIE, TOKEN))).andReturn();
        assertThat(none.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void fileOverThePortalLimitIsRefusedWith413AndTheLimit() throws Exception {
        byte[] large = new byte[310 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
        MvcResult result = mvc.perform(upload(large, "big.pdf").param("lang", "en")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("The file is too large: the limit is 300 KB", "<form");
    }

    @Test
    void bodyBeyondSpringsMultipartLimitIsTheFormWith413NotAnApiError() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base() + "/verify")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String boundary = "b" + UUID.randomUUID();
        byte[] huge = new byte[3 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 9);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                + cookie.substring(cookie.indexOf('=') + 1) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(huge);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(response.body()).contains("文件太大：不能超过 300 KB", "<form");
    }

    @Test
    void postWithoutTheFormsTokenIsRefusedAndNothingIsVerified() throws Exception {
        MvcResult result = mvc.perform(multipart("/verify")
                .file(new MockMultipartFile("file", "contract.pdf", "application/pdf", documents.signedPdf()))
                .param(PortalCsrf.FIELD, TOKEN)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("页面已过期").doesNotContain("id=\"verdict\"");
    }

    @Test
    void unknownCodesFallBackToTheVerifiersReasonAndOnlyImagesBecomeDataUris() {
        PortalTexts.In zh = new PortalConfiguration().portalTexts().in(PortalTexts.locale(null));
        assertThat(PortalReport.dataUri(new byte[]{'<', 's', 'v', 'g'})).isEmpty();
        assertThat(zh.get("verdict.FAILED")).isEqualTo("未通过");
        assertThat(zh.getOr("code.SOMETHING_NEW", "the verifier's reason")).isEqualTo("the verifier's reason");
    }

    private MockMultipartHttpServletRequestBuilder upload(byte[] content, String name) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/verify")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .param(PortalCsrf.FIELD, TOKEN).cookie(new Cookie(PortalCsrf.COOKIE, TOKEN));
    }
}
