package cn.hrss.seal.console.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLanguageTest {
    private final ConsoleLanguage.Resolver resolver = new ConsoleLanguage.Resolver();

    @Test
    void consolePagesDefaultToSimplifiedChineseOtherPathsToTheBrowser() {
        assertThat(resolver.resolveLocale(request("/console/login", Locale.ENGLISH))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(resolver.resolveLocale(request("/console", Locale.ENGLISH))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(resolver.resolveLocale(request("/consoles", Locale.ENGLISH))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("/verify", Locale.GERMAN))).isEqualTo(Locale.GERMAN);
    }

    @Test
    void onlyTheTwoSupportedLanguagesSwitch() {
        MockHttpServletRequest request = request("/console", Locale.ENGLISH);
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
        ConsoleLanguage.Switch change = new ConsoleLanguage.Switch();

        request.setParameter("lang", "en");
        change.preHandle(request, new MockHttpServletResponse(), new Object());
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);

        request.setParameter("lang", "fr");
        change.preHandle(request, new MockHttpServletResponse(), new Object());
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);

        request.setParameter("lang", "zh-CN");
        change.preHandle(request, new MockHttpServletResponse(), new Object());
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    private static MockHttpServletRequest request(String path, Locale browser) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addPreferredLocale(browser);
        return request;
    }
}
