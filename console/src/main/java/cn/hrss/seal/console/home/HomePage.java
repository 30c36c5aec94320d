package cn.hrss.seal.console.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: one entry for each part of the console the user's roles open. */
@Controller
public class HomePage {

    @GetMapping({"/console", "/console/"})
    String home() {
        return "console/home";
    }
}
