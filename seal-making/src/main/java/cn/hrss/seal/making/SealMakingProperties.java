package cn.hrss.seal.making;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Configuration of seal making ({@code seal.making.*}).
 *
 * @param vendorId        SES_Header.vid written into every seal
 * @param systemName      name of this making system, written into every seal certificate
 * @param maxValidityDays longest validity an application may ask for
 * @param esId            the industry esID rule's fixed parts
 * @param picture         displayed size of the seal picture
 * @param expiry          expiry job and reminders
 * @param renewal         self-service renewal
 */
@Validated
@ConfigurationProperties("seal.making")
public record SealMakingProperties(
        @DefaultValue("HRSS") @NotBlank @Pattern(regexp = "[\\x20-\\x7E]{1,32}") String vendorId,
        @DefaultValue("HRSS seal making system") @NotBlank @Size(max = 128) String systemName,
        @DefaultValue("1825") @Min(1) @Max(3650) int maxValidityDays,
        @DefaultValue @NotNull @Valid EsId esId,
        @DefaultValue @NotNull @Valid Picture picture,
        @DefaultValue @NotNull @Valid Expiry expiry,
        @DefaultValue @NotNull @Valid Renewal renewal) {

    /**
     * @param sectorCode industry code in the esID; 94 is "social security" in GB/T 4754-2017
     * @param makerCode  number of this making system within its region, so that two making systems filing seals of
     *                   the same region never collide
     */
    public record EsId(@DefaultValue("94") @Pattern(regexp = "[0-9]{2}") String sectorCode,
                       @DefaultValue("01") @Pattern(regexp = "[0-9]{2}") String makerCode) {
    }

    /** Displayed size of the picture in millimetres (a 42 mm round official seal by default). */
    public record Picture(@DefaultValue("42") @Min(10) @Max(100) int widthMm,
                          @DefaultValue("42") @Min(10) @Max(100) int heightMm) {
    }

    /**
     * @param enabled      run the scheduled job (tests call it directly)
     * @param cron         when it runs
     * @param reminderDays how many days before the end of validity the reminder goes out
     * @param batchSize    seals handled per run and kind, to bound one run
     */
    public record Expiry(@DefaultValue("true") boolean enabled,
                         @DefaultValue("0 15 1 * * *") @NotBlank String cron,
                         @DefaultValue("30") @Min(1) @Max(365) int reminderDays,
                         @DefaultValue("500") @Min(1) @Max(100000) int batchSize) {
    }

    /** @param requestWindow how far a self-service request's time may be from the node's clock */
    public record Renewal(@DefaultValue("PT5M") @NotNull Duration requestWindow) {
    }
}
