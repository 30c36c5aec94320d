/**
 * What other modules may use of seal making: the seal states and scopes, the past-tense events it publishes
 * ({@code SealMade}, {@code SealCancelled}, ...), {@link cn.hrss.seal.making.api.SigningSeals} through which seal
 * application finds the seal key, certificate and SES_Seal it signs with, and
 * {@link cn.hrss.seal.making.api.NationalSealCodes}, through which the federation completes cross-industry seals.
 */
@NamedInterface("api")
package cn.hrss.seal.making.api;

import org.springframework.modulith.NamedInterface;
