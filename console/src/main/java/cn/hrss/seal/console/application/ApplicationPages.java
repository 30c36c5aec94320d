package cn.hrss.seal.console.application;

import cn.hrss.seal.console.node.NodeApi;
import cn.hrss.seal.console.node.NodeSession;
import cn.hrss.seal.console.web.FieldErrors;
import cn.hrss.seal.core.error.SealException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Seal applications: the work list by status, the new-application form (operator), the detail page with review
 * (reviewer, never the applicant: the node refuses it and the page does not offer it) and making (operator).
 */
@Controller
@RequestMapping("/console/applications")
public class ApplicationPages {
    static final List<String> STATUSES = List.of("SUBMITTED", "APPROVED", "REJECTED", "MADE");
    private static final int PAGE = 100;
    /** The node's own limit on an uploaded picture (about 1.5 MB of PNG). */
    private static final long MAX_PICTURE_BYTES = 1_500_000;

    private final NodeApi api;

    ApplicationPages(NodeApi api) {
        this.api = api;
    }

    /** The reviewer's opinion on approve and reject. */
    record ReviewForm(@NotBlank @Size(max = 1000) String opinion) {
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "SUBMITTED") String status, @AuthenticationPrincipal NodeSession me,
                Model model) {
        String shown = STATUSES.contains(status) ? status : "SUBMITTED";
        List<Application> applications = api.get(me, u -> u.path("/api/v1/seal-applications")
                .queryParam("status", shown).queryParam("limit", PAGE).build(), new ParameterizedTypeReference<>() {
        });
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", shown);
        model.addAttribute("applications", applications);
        return "console/applications";
    }

    @GetMapping("/new")
    String newApplication(Model model) {
        model.addAttribute("form", ApplicationForm.empty());
        return form(model);
    }

    @PostMapping
    String apply(@Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
                 @RequestParam(required = false) MultipartFile picture, @AuthenticationPrincipal NodeSession me,
                 Model model, RedirectAttributes next) {
        String pictureBase64 = picture(picture, errors);
        if (errors.hasErrors()) {
            return form(model);
        }
        Map<String, Object> created;
        try {
            created = api.post(me, u -> u.path("/api/v1/seal-applications").build(), form.body(pictureBase64));
        } catch (SealException e) {
            if (FieldErrors.bind(e, errors)) {
                return form(model);
            }
            throw e;
        }
        next.addFlashAttribute("notice", "console.notice.applied");
        return "redirect:/console/applications/" + created.get("id");
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, @AuthenticationPrincipal NodeSession me, Model model) {
        Application application = api.get(me, u -> u.path("/api/v1/seal-applications/{id}").build(id),
                Application.class);
        model.addAttribute("sealApplication", application);
        model.addAttribute("mayReview", application.submitted() && !application.applicant().equals(me.username()));
        if (!model.containsAttribute("review")) {
            model.addAttribute("review", new ReviewForm(""));
        }
        return "console/application";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable String id, @Valid @ModelAttribute("review") ReviewForm review, BindingResult errors,
                   @AuthenticationPrincipal NodeSession me, Model model, RedirectAttributes next) {
        return decide(id, "approve", review, errors, me, model, next);
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable String id, @Valid @ModelAttribute("review") ReviewForm review, BindingResult errors,
                  @AuthenticationPrincipal NodeSession me, Model model, RedirectAttributes next) {
        return decide(id, "reject", review, errors, me, model, next);
    }

    @PostMapping("/{id}/make")
    String make(@PathVariable String id, @AuthenticationPrincipal NodeSession me, RedirectAttributes next) {
        Map<String, Object> made = api.post(me, u -> u.path("/api/v1/seal-applications/{id}/make").build(id), null);
        Object handle = made.get("esId") != null ? made.get("esId") : made.get("sealId");
        next.addFlashAttribute("notice", "console.notice.made");
        return "redirect:/console/seals/" + handle;
    }

    private String decide(String id, String decision, ReviewForm review, BindingResult errors, NodeSession me,
                          Model model, RedirectAttributes next) {
        if (errors.hasErrors()) {
            return detail(id, me, model);
        }
        api.post(me, u -> u.path("/api/v1/seal-applications/{id}/" + decision).build(id),
                Map.of("opinion", review.opinion().strip()));
        next.addFlashAttribute("notice", "console.notice." + decision + "d");
        return "redirect:/console/applications/" + id;
    }

    /** The form page; the form itself (with its errors) is already in the model. */
    private static String form(Model model) {
        model.addAttribute("unitTypes", ApplicationForm.UNIT_TYPES);
        model.addAttribute("sealTypes", ApplicationForm.SEAL_TYPES);
        model.addAttribute("scopes", ApplicationForm.SCOPES);
        return "console/application-form";
    }

    /** The optional PNG upload as the API's base64; a file that is too large is a field error, not a failure. */
    private static String picture(MultipartFile picture, BindingResult errors) {
        if (picture == null || picture.isEmpty()) {
            return null;
        }
        if (picture.getSize() > MAX_PICTURE_BYTES) {
            errors.reject("console.field.pictureTooLarge");
            return null;
        }
        try {
            return Base64.getEncoder().encodeToString(picture.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
