package cn.hrss.seal.federation.inbound;

import cn.hrss.seal.core.message.VerifiedMessage;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers the {@link VerifiedMessage} the filter accepted; fails loudly outside {@code /federation/**}. */
final class VerifiedMessageArgumentResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return VerifiedMessage.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object message = webRequest.getAttribute(SignedMessageFilter.VERIFIED_MESSAGE, RequestAttributes.SCOPE_REQUEST);
        if (message == null) {
            throw new IllegalStateException("no verified message: the handler is not under /federation/");
        }
        return message;
    }
}
