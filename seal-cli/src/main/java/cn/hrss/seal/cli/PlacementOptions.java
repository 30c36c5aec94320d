package cn.hrss.seal.cli;

import cn.hrss.seal.application.ofd.OfdPlacement;
import cn.hrss.seal.application.pdf.StampPlacement;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the stamp goes: page and position in millimetres, at a keyword, or as a riding seal across pages. */
final class PlacementOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--y", paramLabel = "MM", description = "millimetres from the page top (with --page or --riding); PDF: stamp centre, OFD: stamp top")
    Double y;

    static final class Where {
        @Option(names = "--page", paramLabel = "N", description = "page number, from 1 (with --x and --y)")
        Integer page;

        @Option(names = "--keyword", paramLabel = "TEXT", description = "stamp centred on this text (PDF: last occurrence, OFD: first)")
        String keyword;

        @Option(names = "--riding", description = "riding seal (骑缝章) across all pages, at --y")
        boolean riding;
    }

    @Option(names = "--x", paramLabel = "MM", description = "millimetres from the page's left edge (with --page); PDF: stamp centre, OFD: stamp left")
    Double x;

    StampPlacement pdf() {
        if (where.keyword != null) {
            return StampPlacement.keyword(where.keyword);
        }
        if (where.riding) {
            return StampPlacement.ridingSeal(requireY());
        }
        return StampPlacement.at(where.page, requireX(), requireY());
    }

    OfdPlacement ofd() {
        if (where.keyword != null) {
            return OfdPlacement.keyword(where.keyword);
        }
        if (where.riding) {
            return OfdPlacement.riding(requireY());
        }
        if (where.page < 1) {
            throw new UsageException("pages are numbered from 1");
        }
        return OfdPlacement.at(where.page - 1, requireX(), requireY());
    }

    private double requireX() {
        if (x == null) {
            throw new UsageException("--page needs --x and --y");
        }
        return x;
    }

    private double requireY() {
        if (y == null) {
            throw new UsageException((where.riding ? "--riding" : "--page") + " needs --y");
        }
        return y;
    }
}
