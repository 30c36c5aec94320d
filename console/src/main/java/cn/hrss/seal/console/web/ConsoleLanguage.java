package cn.hrss.seal.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import java.util.Locale;
import java.util.Map;

/** The console's two languages: Simplified Chinese by default, English by {@code ?lang=en}, kept in the session. */
final class ConsoleLanguage {
    static final String BUNDLE = "console/messages";
    static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    static final String PARAMETER = "lang";
    private static final String PREFIX = "/console";
    private static final Map<String, Locale> SUPPORTED = Map.of(
            "zh-CN", Locale.SIMPLIFIED_CHINESE,
            "en", Locale.ENGLISH);

    private ConsoleLanguage() {
    }

    static boolean isConsole(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /**
     * Session locale on console pages, zh-CN until the user picks another; elsewhere the browser's language, as
     * Spring Boot's default resolver does.
     */
    static final class Resolver extends SessionLocaleResolver {
        Resolver() {
            setLocaleAttributeName(ConsoleLanguage.class.getName() + ".locale");
            setDefaultLocaleFunction(request -> isConsole(request) ? DEFAULT : request.getLocale());
        }
    }

    /** Applies {@code ?lang=}; values other than the two supported ones are ignored rather than failing the page. */
    static final class Switch implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter(PARAMETER);
            Locale wanted = lang == null ? null : SUPPORTED.get(lang);
            if (wanted != null) {
                RequestContextUtils.getLocaleResolver(request).setLocale(request, response, wanted);
            }
            return true;
        }
    }
}
