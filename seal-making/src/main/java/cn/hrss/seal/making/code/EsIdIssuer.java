package cn.hrss.seal.making.code;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.SealMakingProperties;
import cn.hrss.seal.making.persistence.EsIdCounterMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Draws the next industry esID. Runs inside the caller's transaction, so the counter row stays locked until the
 * seal carrying the code is committed and a rolled-back making does not burn a serial; the unique constraint on
 * {@code making_seal.es_id} is the last line of defence.
 */
@Component
public class EsIdIssuer {
    /** Years in the code follow the calendar in China, whatever the server's zone. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EsIdCounterMapper counters;
    private final SealMakingProperties.EsId rule;
    private final Clock clock;

    EsIdIssuer(EsIdCounterMapper counters, SealMakingProperties properties, Clock clock) {
        this.counters = counters;
        this.rule = properties.esId();
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public IndustryEsId next(String regionCode) {
        int year = clock.instant().atZone(CHINA).getYear();
        String partition = regionCode + String.format("%02d", year % 100);
        counters.ensure(partition);
        counters.increment(partition);
        long serial = counters.current(partition);
        if (serial > IndustryEsId.MAX_SERIAL) {
            throw SealException.conflict("ES_ID_EXHAUSTED",
                    "no industry esID serials left for region " + regionCode + " this year");
        }
        return IndustryEsId.of(regionCode, year, rule.sectorCode(), rule.makerCode(), serial);
    }
}
