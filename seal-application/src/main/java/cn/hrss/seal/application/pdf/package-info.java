/**
 * PDF signing with a seal ({@link cn.hrss.seal.application.pdf.PdfSigner}, placement by
 * {@link cn.hrss.seal.application.pdf.StampPlacement}) and offline verification
 * ({@link cn.hrss.seal.application.pdf.PdfVerifier}). See docs/PDF-SIGNATURES.md.
 */
package cn.hrss.seal.application.pdf;
