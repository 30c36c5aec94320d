/**
 * Verification reports as published: {@link cn.hrss.seal.application.report.ReportView} (the JSON shape, also what
 * the portal's page shows) and {@link cn.hrss.seal.application.report.PdfReportRenderer} (zh-CN / English PDF).
 */
package cn.hrss.seal.application.report;
