package cn.hrss.seal.web;

import java.util.Map;

/** The error body of every API: {@code {"code": "STABLE_CODE", "message": "...", "details": {...}}}. */
public record ApiError(String code, String message, Map<String, Object> details) {
}
