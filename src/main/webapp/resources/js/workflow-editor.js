/*
 * Crosscast: the client side of the "Targeting and workflows" diagram (WEB-INF/includes/workflow-editor.xhtml).
 * Opens an activity's dialog on double-click or with its cog button, a transition's population on a click of
 * its count, and zooms the canvas (CSS scale plus jsPlumb's zoom, so dragging follows the pointer). The zoom
 * survives the canvas being rendered again by ajax. Every label jsPlumb draws on the canvas (Split subset
 * labels, transition counts) is written as text, never as markup (see textOnlyLabels).
 */
var ccWorkflow = (function () {
    var zoom = 1, chosen = false, fitted = false;

    function diagram() {
        return window.PrimeFaces && PrimeFaces.widgets ? PrimeFaces.widgets.wfDiagram : null;
    }

    function apply() {
        var d = diagram();
        if (!d || !d.jq) {
            return;
        }
        d.jq.css({transform: 'scale(' + zoom + ')', transformOrigin: '0 0'});
        if (d.canvas) {
            d.canvas.setZoom(zoom);
        }
        $('.cc-zoom-value').text(Math.round(zoom * 100) + '%');
    }

    /* Whether a box reaches past the visible area (without its scroll bars; a margin for dots and labels). */
    function larger(d) {
        var wrap = d.jq.parent()[0], margin = 24, found = false;
        d.jq.children('.ui-diagram-element').each(function () {
            found = found || this.offsetLeft + this.offsetWidth + margin > wrap.clientWidth
                    || this.offsetTop + this.offsetHeight + margin > wrap.clientHeight;
        });
        return found;
    }

    function clamp(value) {
        return Math.min(2, Math.max(0.3, Math.round(value * 100) / 100));
    }

    return {
        open: function (element) {
            var id = $(element).closest('.cc-node').attr('data-activity');
            if (id) {
                ccOpenActivity([{name: 'activity', value: id}]);
            }
        },
        openTransition: function (index) {
            ccOpenTransition([{name: 'transition', value: index}]);
        },
        zoomBy: function (step) {
            chosen = true;
            zoom = clamp(zoom + step);
            apply();
        },
        /* Scales the canvas so that every activity shows in the visible area. */
        fit: function () {
            var d = diagram();
            if (!d || !d.jq) {
                return;
            }
            var right = 0, bottom = 0;
            d.jq.children('.ui-diagram-element').each(function () {
                right = Math.max(right, this.offsetLeft + this.offsetWidth);
                bottom = Math.max(bottom, this.offsetTop + this.offsetHeight);
            });
            var wrap = d.jq.parent();
            if (right === 0 || bottom === 0) {
                zoom = 1;
            } else {
                // never larger than life; a margin for the scroll bars
                zoom = clamp(Math.min(1, (wrap.width() - 40) / (right + 30), (wrap.height() - 40) / (bottom + 30)));
            }
            apply();
        },
        repaint: function () {
            var d = diagram();
            if (d && d.canvas) {
                d.canvas.repaintEverything();
            }
            apply();
            this.fitOnce();
            this.spreadLabels();
        },
        applyZoom: apply,
        /*
         * Once per page: the first time the diagram shows with its boxes laid out (at load, or when its tab opens),
         * a diagram larger than the visible area is fitted; later renderings keep the zoom (editing would move
         * under the marketer's hands otherwise).
         */
        fitOnce: function () {
            var d = diagram();
            if (fitted || chosen || !d || !d.jq || !d.jq.is(':visible') || d.jq.parent()[0].clientWidth === 0
                    || d.jq.children('.ui-diagram-element').filter(function () {
                        return this.offsetWidth > 0;
                    }).length === 0) {
                return;
            }
            fitted = true;
            if (zoom === 1 && larger(d)) {
                this.fit();
            }
        },
        /*
         * A Split's output labels sit beside their dots; two outputs close together (a label wrapped on several
         * lines) would overlap: each label that overlaps the one above it moves down just enough.
         */
        spreadLabels: function () {
            var d = diagram();
            if (!d || !d.jq) {
                return;
            }
            d.jq.find('.ui-diagram-element').each(function () {
                var box = this.getBoundingClientRect(), labels = [];
                d.jq.find('.cc-output-label').each(function () {
                    this.style.setProperty('--cc-label-shift', '0px');
                    var r = this.getBoundingClientRect();
                    if (r.left >= box.right - 1 && r.left <= box.right + 40 && r.bottom >= box.top - 40
                            && r.top <= box.bottom + 40) {
                        labels.push(this);
                    }
                });
                labels.sort(function (a, b) {
                    return a.getBoundingClientRect().top - b.getBoundingClientRect().top;
                });
                var floor = -Infinity;
                labels.forEach(function (label) {
                    var r = label.getBoundingClientRect(), shift = Math.max(0, floor + 2 - r.top);
                    if (shift > 0) {
                        label.style.setProperty('--cc-label-shift', Math.ceil(shift / zoom) + 'px');
                    }
                    floor = r.bottom + shift;
                });
            });
        },
        focusNode: function (id) {
            setTimeout(function () {
                $('.cc-node[data-activity="' + id + '"] .cc-node-open').focus();
            }, 200);
        }
    };
})();

/*
 * jsPlumb's Label overlay (used by p:diagram for every overlay label) writes its label as HTML: a Split
 * subset labelled <b>B</b> would render bold, and <base href=...> would send the page's next post elsewhere.
 * Every overlay label goes through Label.prototype.update: it writes textContent instead, so what a user typed
 * shows as typed. jsPlumb's svg Label is the same constructor, so one replacement covers both.
 */
(function textOnlyLabels() {
    var Label = window.jsPlumb && jsPlumb.Overlays && jsPlumb.Overlays.Label;
    if (!Label || Label.prototype.ccTextOnly) {
        return;
    }
    Label.prototype.update = function () {
        var text = typeof this.label === 'function' ? this.label(this) : this.label;
        this.labelText = text;
        this.getElement().textContent = text == null ? '' : String(text);
    };
    Label.prototype.ccTextOnly = true;
})();

/* The cog button of a box (no inline onclick: the Content-Security-Policy allows no inline handler). */
$(document).on('click', '.cc-node-open', function () {
    ccWorkflow.open(this);
});
$(document).on('dblclick', '.cc-node', function () {
    ccWorkflow.open(this);
});
$(document).on('click', '.cc-count', function () {
    var match = /cc-t-(\d+)/.exec(this.className);
    if (match) {
        ccWorkflow.openTransition(match[1]);
    }
});
$(document).on('pfAjaxComplete', function () {
    setTimeout(function () {
        ccWorkflow.applyZoom();
        ccWorkflow.fitOnce();
        ccWorkflow.spreadLabels();
    }, 0);
});
$(window).on('load', function () {
    [300, 1000].forEach(function (delay) {
        setTimeout(function () {
            ccWorkflow.fitOnce();
            ccWorkflow.spreadLabels();
        }, delay);
    });
});
/* A box's "not passed on" badge lists those recipients (issue #15); the click must not start a drag or open the box. */
$(document).on('click', '.cc-node-missing', function (event) {
    event.stopPropagation();
    var id = $(this).attr('data-activity');
    if (id) {
        ccOpenLeftBehind([{name: 'activity', value: id}]);
    }
});
$(document).on('dblclick mousedown', '.cc-node-missing', function (event) {
    event.stopPropagation();
});
/* The palette's groups fold (issue #15): the folded ones are kept for the session and folded again after an update. */
var ccPalette = {
    folded: function () {
        try {
            return JSON.parse(window.sessionStorage.getItem('ccPaletteFolded') || '[]');
        } catch (e) {
            return [];
        }
    },
    restore: function () {
        var folded = ccPalette.folded();
        document.querySelectorAll('details.cc-palette-group').forEach(function (group) {
            var open = folded.indexOf(group.getAttribute('data-group')) < 0;
            if (group.open !== open) {
                group.open = open;
            }
        });
    }
};
document.addEventListener('toggle', function (event) {
    var group = event.target;
    if (!group.classList || !group.classList.contains('cc-palette-group')) {
        return;
    }
    var name = group.getAttribute('data-group');
    var folded = ccPalette.folded().filter(function (g) {
        return g !== name;
    });
    if (!group.open) {
        folded.push(name);
    }
    try {
        window.sessionStorage.setItem('ccPaletteFolded', JSON.stringify(folded));
    } catch (e) {
        // no storage: the groups open again after an update
    }
}, true);
$(document).on('pfAjaxComplete', ccPalette.restore);
$(ccPalette.restore);
