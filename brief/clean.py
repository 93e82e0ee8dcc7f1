"""Every input line classified (title, heading, body, meta, boilerplate) with a reason; metadata; articles.

The rules describe kinds of site furniture (a tags line, a 'read also' block, a photo credit), not the
seeds' exact strings, so that they hold for other outlets. Nothing is deleted: dropped lines stay in
`Article.lines` with their kind and reason, and `line_accounting` counts them.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from brief.arabic import (INVISIBLE_CONTROLS, REPORTING_VERBS, arabic_letter_count, has_arabic, is_place_name,
                          light_stem, normalize, to_ascii_digits, tokens)
from brief.dates import MONTH_PATTERN, MONTHS, WEEKDAYS, is_hijri_date, parse_date
from brief.errors import InputError
from brief.models import Article, Line, RawDocument

KEPT_KINDS = ("title", "heading", "body")
TITLE_MAX_WORDS = 30
HEADING_MAX_WORDS = 12
LINK_MAX_WORDS = 25
SECOND_ARTICLE_MIN_BODY_LINES = 3
SECOND_ARTICLE_MIN_WORDS = 60

# --- Vocabulary of site furniture --------------------------------------------------------------------
# Spelling variants (hamza, alef maqsura, tanwin) are absorbed by matching on brief.arabic.normalize.

_TAGS = re.compile(r"^(كلمات دلاليه|كلمات مفتاحيه|الكلمات المفتاحيه|الكلمات الدلاليه|الوسوم|وسوم|"
                   r"كلمات داله|الكلمات الداله|دلالات|كلمات البحث|"
                   r"الاوسمه|اوسمه|مواضيع ذات صله|tags|keywords)\s*[:：\-]")
# (Or the verb alone before a colon and the linked headline: "طالع: المجلس الرئاسي يرحب ...".)
_READ_ALSO = re.compile(r"^(اقرا|إقرا|طالع|شاهد|تابع|اقرئي)(?:\s*/\s*ي)?\s+(ايضا|كذلك|المزيد)\b|^(read also|see also|read more)\b|"
                        r"^(?:اقرا|طالع)\s*[:：]|^ذات صله\s*[:：]\s*\S")
_RELATED = re.compile(
    r"^(?:ال)?(مقالات|اخبار|مواضيع|موضوعات|قصص|تقارير|فيديوهات)\s+(?:ال)?(مشابهه|ذات صله|ذات الصله|متعلقه|مرتبطه|"
    r"مقترحه|اخري|قد تهمك|ذات علاقه)\s*[:：]?\s*$|"
    r"^(ذات صله|اخبار ذات صله|الاكثر قراءه|الاكثر مشاهده|الاكثر تداولا|الاكثر تعليقا|قد يهمك ايضا|قد يهمك|"
    r"اخترنا لك|اخترنا لكم|ترشيحاتنا|في نفس السياق|المزيد من الاخبار|المزيد في [^ ]+.*|مواضيع قد تهمك|اقرا المزيد|شاهد المزيد|اهم الاخبار|"
    r"اخر الاخبار|اقرا في [^ ]+|related articles|related|most read|more stories|"
    # A column's list of its writer's other pieces.
    r"مقالات اخري للكاتب|مقالات اخري للكاتبه|مقالات الكاتب|مقالات الكاتبه|المزيد من مقالات الكاتب|"
    r"اخر مقالات الكاتب|مقالات سابقه|more from this author|"
    # A tags header alone on its line, the tags one per line below it.
    r"مواضيع|الوسوم|وسوم|كلمات مفتاحيه|الكلمات المفتاحيه|كلمات دلاليه|الكلمات الدلاليه|tags|topics|"
    r"كلمات داله|الكلمات الداله|دلالات)\s*[:：]?\s*$")
_SHARE = re.compile(
    r"^(شارك|شاركوا|مشاركه|اشترك|اشتركوا|تابعنا|تابعونا|تابعوا|انضم|انضموا|حمل تطبيق|نزل تطبيق|"
    r"اضغط هنا|للاشتراك|اشترك في|سجل|طباعه|ارسل لصديق|ارسال لصديق|ارسل الي صديق|اضف تعليق|اضف تعليقك|التعليقات|تعليقات|"
    r"share|subscribe|follow us|print|comments)\b")
_FOLLOW = re.compile(r"^(تابعوا|تابعونا|تابع|تابعنا|اشترك|اشتركوا|انضم|انضموا|حملوا|حمل|نزل|للاشتراك|لمتابعه|ولمتابعه)\b.*"
                     r"(تطبيق|تلغرام|تليجرام|تويتر|فيسبوك|فيس بوك|يوتيوب|واتساب|انستغرام|انستجرام|google news|جوجل نيوز|"
                     r"جوجل اخبار|اخبار جوجل|"
                     r"telegram|twitter|facebook|youtube|whatsapp|instagram|نشره|النشره|قناه|قناتنا|الرابط)")
_INITIALS = re.compile(r"^[\u0621-\u064A]{1,2}(?:[./\- ]{1,3}[\u0621-\u064A]{1,2}){0,5}$")
# The header of the readers' comments under an article, or of the form to write one: what follows is theirs.
_COMMENTS = re.compile(r"^(التعليقات|تعليقات|تعليقات الزوار|تعليقات القراء|اراء القراء|تعليقك|اترك تعليقا|اترك تعليق|"
                       r"اضف تعليقا|اضف تعليقك|comments|leave a comment|leave a reply)\s*[:：]?\s*\(?\s*\d*\s*\)?$")
_COMMENT_COUNT = re.compile(r"\d+\s*(?:تعليق|تعليقات|comments?)")
# An editor's note on the piece itself, not its story: "ملاحظة المحرر: جرى تحديث هذا الخبر ...", a
# transcript's "* النص أعلاه تفريغ محرر للمقابلة ...".
_EDITOR_NOTE = re.compile(r"^\*?\s*(?:ملاحظه (?:المحرر|التحرير)|ملاحظه من المحرر|(?:ال)?نص اعلاه (?:تفريغ|ترجمه|تحرير))")
# How a paragraph goes on with the story told above it; no report's first sentence begins so. Used to tell
# a box inside an article (a chart's source, inline related links) from the end of one.
# Verbs that report speech (normalised), in both genders.
_REPORTING_VERBS = "|".join(REPORTING_VERBS)
_CONTINUATION = re.compile(
    rf"^(?:و(?:{_REPORTING_VERBS}|كان|كانت|في|يري|تري|بحسب|وفق|وفقا|تشير|يشير|ياتي|تاتي|قد|لم|لا|منذ|بعد|اذ|"
    r"حيث|علي|من|هو|هي|هذا|هذه|تجدر|يذكر|كذلك|ايضا|بينما|رغم|مع)|كما|من جهته|من جهتها|من جانبه|من جانبها|"
    r"بدوره|بدورها|في المقابل|في السياق|الي ذلك|يذكر ان|يشار الي|وتجدر الاشاره)(?!\w)")
# A readers' feedback widget's question; its buttons ("نعم", "لا") are marked below it (_mark_polls).
_FEEDBACK_PROMPT = re.compile(r"هل (?:كان|وجدت) (?:هذا )?(?:الخبر|المقال|المحتوي|الموضوع) مفيدا\s*[؟?]?")
# Page controls, social networks named as share buttons, an advert marker, a comment form.
_PAGE_CONTROL = re.compile(r"^(حفظ|احفظ|انسخ الرابط|نسخ الرابط|حجم الخط|تكبير الخط|تصغير الخط|استمع|استمع للمقال|"
                           r"استمع الي المقال|اعلان|اعلانات|مساحه اعلانيه|advertisement|ad|القايمه|بحث|menu|search|ارسال|تغريد|"
                           # Sponsored blocks, the font-size buttons (A A, A+ A-), consent buttons.
                           r"محتوي مدفوع|محتوي ممول|محتوي برعايه|sponsored|(?:a ?[+\-]? ?){2,3}|"
                           r"موافقه واكمال|موافقه ومتابعه|موافق|اوافق|قبول|قبول الكل|رفض الكل|accept|accept all|"
                           # A comment form's or a newsletter box's fields; the menu's "more" and login links.
                           r"اسم المستخدم|كلمه المرور|كلمه السر|اكتب تعليقك|بريدك الالكتروني|المزيد|دخول|خروج|"
                           # Account links and app-store badges.
                           r"تسجيل الدخول|تسجيل دخول|انشاء حساب|sign in|log in|login|app store|google play|appgallery|"
                           # The link to the site's edition in another language: not the site's name.
                           r"english|francais|français|espanol|español|türkçe|kurdi|kurdî|kurdî sorani|فارسي|"
                           r"עברית|русский|deutsch|"
                           # A counter over the text ("0 تعليق", "1200 مشاهدة"), a live page's refresh
                           # switch, a list's "load more", a newsletter box's header.
                           r"\d+\s*(?:تعليق|تعليقات|مشاهده|مشاهدات|قراءه)|تحديث تلقايي|التحديث التلقايي|"
                           r"(?:تحميل|عرض|اظهار) المزيد|النشره (?:البريديه|الاخباريه)|"
                           # A reading or listening time: "دقيقة واحدة", "مدة القراءة: 4 دقائق", "5 min read".
                           r"(?:(?:مده|وقت) (?:القراءه|الاستماع)\s*[:：]?\s*|قراءه\s+)?"
                           r"(?:\d+\s*(?:دقيقه|دقايق|د)|دقيقه واحده|دقيقتان|دقيقتين)(?:\s+(?:للقراءه|قراءه))?|"
                           r"\d+\s*min(?:ute)?s?(?: read)?|"
                           # What a page says only to screen readers, which a select-all copies with the
                           # text: skip links, a list's position, a hidden section title.
                           r"(?:تخطي|تجاوز|انتقل) (?:الي )?المحتوي(?: الرييسي)?|skip to (?:main )?content|"
                           r"list \d+ of \d+|end of list|article information|"
                           r"ارسال التعليق|ارسل التعليق|الاسم|البريد الالكتروني|التعليق|"  # ('اترك تعليقا': _COMMENTS)
                           # A counter with its number after ("مشاهدات: 4231"); the font-size buttons written
                           # out ("+ الخط -"); a summary's buttons.
                           r"(?:عدد )?(?:المشاهدات|مشاهدات|القراءات|قراءات)\s*[:：]?\s*\d+|\+?\s*الخط\s*-?|"
                           r"(?:استمع الي|اظهر|اخف|اخفاء|عرض) الملخص|"
                           # Print and error-report links, a copy button, a listen button, a reaction prompt.
                           r"نسخه للطباعه|النسخه المطبوعه|(?:لل|ال)?ابلاغ عن (?:ال)?خطا(?: في (?:الخبر|المقال))?(?: اضغط هنا)?|"
                           r"نسخ|استمع (?:الي ال|لل)(?:خبر|مقال|مقاله)|كن اول من يعلق|لا توجد تعليقات|"
                           r"هل اعجبك (?:هذا )?(?:الخبر|المقال|الموضوع)\s*[؟?]?|"
                           + _FEEDBACK_PROMPT.pattern + "|"
                           # A live page's labels, and the note an advert leaves in the text.
                           r"(?:شاهد )?(?:البث المباشر|بث مباشر)|تحديثات مباشره|(?:يتم )?تحديث الصفحه تلقاييا|"
                           r"(?:تابع|تابعوا|اكمل|واصل) القراءه (?:اسفل|بعد|تحت) (?:ال)?اعلان|"
                           # An AI summary box's note: "تم إنشاء هذا الملخص آلياً وراجعه فريق التحرير".
                           r"(?:تم )?(?:انشاء|اعداد|توليد) هذا الملخص (?:اليا|بواسطه الذكاء الاصطناعي).*|"
                           # The footer's links to the site's own pages.
                           r"من نحن|اتصل بنا|اتصلوا بنا|سياسه الخصوصيه|الشروط والاحكام|شروط الاستخدام|اعلن معنا|"
                           r"لن يتم نشر عنوان بريدك الالكتروني.*)\s*[*:：]?\s*$")
_SOCIAL = {"فيسبوك", "فيس", "بوك", "تويتر", "اكس", "x", "واتساب", "واتس", "اب", "تلغرام", "تليجرام", "تيليجرام",
           "تيليغرام", "تلجرام", "لينكدان",
           "لينكد", "ان", "انستغرام", "انستجرام", "يوتيوب", "تيك", "توك", "بريد", "ايميل", "facebook", "twitter",
           "whatsapp", "telegram", "linkedin", "instagram", "youtube", "email", "messenger", "ماسنجر"}
# An embedded post (a tweet, a video) as a page shows it before the reader allows it: a link to skip it, a
# request for consent, the publisher's word that it does not answer for it, then its end. BBC pages
# print "تخطى تويتر مشاركة, 1" ... "نهاية تويتر مشاركة, 1" around every one.
_EMBED_NOTICE = re.compile(r"(^يحتوي (?:هذا )?(?:الموضوع|المقال|المنشور|موضوع \S+) علي (?:محتوي|اعلانات)|"
                           r"^اسمح بمحتوي|(?:غير|ليست|ليس) مسوول\S* عن محتوي (?:المواقع|الروابط) الخارجيه|"
                           r"this (?:article|post) contains content (?:provided by|from)|"
                           r"not responsible for the content of external)")
_EMBED_EDGE = re.compile(r"^(?:تخطي|نهايه|skip|end of)\s+\S+(?:\s+\S+)?\s+(?:مشاركه|post)(?!\w)[\s,،\d]*"
                         r"(?:وواصل القراءه|and continue reading)?$")
# The end of a block a page marks for screen readers ("نهاية قصص مقترحة", "نهاية الأكثر قراءة"): the
# block is over and the article, if it is above, goes on.
_BLOCK_END = re.compile(r"^(?:نهايه|end of)\s+(.{2,40})$")
_RELATIVE_TIME = re.compile(r"^(منذ|قبل)\s+(\d+\s+)?(دقيقه|دقيقتين|دقايق|ساعه|ساعتين|ساعات|يوم|يومين|ايام|"
                            r"اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر)$")
# Section labels that put a piece under opinion (they are section names too).
_OPINION_SECTIONS = frozenset({"اعمده", "عمود", "مقالات", "مقال", "راي", "الراي", "اراء", "مقال راي", "مقالات راي",
                               "كتاب الراي", "وجهات نظر", "وجهه نظر", "opinion", "op-ed"})
# Section names as a site prints them above the headline, alone or as a breadcrumb trail.
_SECTION_WORDS = {
    "الرييسيه", "الصفحه", "اخبار", "الاخبار", "خبر", "سياسه", "السياسه", "اقتصاد", "الاقتصاد", "بورصه", "رياضه",
    "الرياضه", "مجتمع", "المجتمع", "ثقافه", "الثقافه", "فن", "فنون", "منوعات", "تكنولوجيا", "التكنولوجيا", "علوم",
    "العلوم", "صحه", "الصحه", "العالم", "عربي", "دولي", "دوليه", "عربيه", "محليات", "محلي", "الدول", "العربيه",
    "تقارير", "تقرير", "حوارات", "حوار", "مقابله", "مقابلات", "اعمال", "عاجل", "متابعات", "تحقيقات", "ملفات",
    "قضايا", "شوون", "سياحه", "تعليم", "بيئه", "طقس", "حوادث", "برلمان", "اسواق", "طاقه", "مال", "وبورصه",
    "واعمال", "ومجتمع", "وثقافه", "وفنون", "وعلوم", "وتكنولوجيا", "news", "politics", "world", "home",
    "مباشر", "حصري", "live",  # labels: live, exclusive
    "فيديو", "فيديوهات", "بث", "بودكاست", "الاسواق", "الطاقه",  # a site's media and market sections
    "سياسي", "اقتصادي", "رياضي", "ثقافي", "فني", "امني", "برلماني",  # a piece's kind: "سياسي" over the headline
} | {label for label in _OPINION_SECTIONS if " " not in label}
_PROMO = re.compile(r"^(اكتشف|زوروا|زر|تفضل بزياره|قم بزياره|زوروا)\s+(الموقع|موقعنا|موقع)\b|"
                    # A press release's last line: "لمزيد من المعلومات يرجى زيارة الموقع: www.oq.com".
                    r"^(لمزيد|للمزيد) من المعلومات\b.{0,60}(زياره|زوروا|الموقع|www\.|https?://)")
_LICENCE = re.compile(r"(^(?:©|\(c\)|copyright)\s*\d{4}(?!\d)|"  # a footer's "© 2024 ..."
                      r"مرخصه تحت|مرخص تحت|بموجب رخصه|رخصه المشاع|cc[- ]by|creative commons|"
                      r"جميع الحقوق محفوظه|الحقوق محفوظه|حقوق النشر محفوظه|all rights reserved|"
                      r"يمنع نسخ|يحظر نسخ|لا يجوز نسخ|غير مسموح بنسخ|"
                      # An agency's notice to subscribers (Anadolu prints one under every story).
                      r"نظام تدفق الاخبار|للاشتراك (بالوكاله )?يرجي التواصل)")
# What a page shows a browser without scripts or cookies ("يرجى تفعيل جافا سكريبت في متصفحك").
_BROWSER_NOTICE = re.compile(r"(يرجي|الرجاء|رجاء|يجب|قم ب|لتفعيل|تفعيل|فعل|please|enable|turn on|update)"
                             r".{0,40}(جافا ?سكري?بت|javascript|ملفات تعريف الارتباط|الكوكيز|cookies|متصفح|browser)|"
                             r"(متصفحك|your browser)\s+(لا يدعم|قديم|غير مدعوم|does not support|is out of date)")
_BROWSER_NOTICE_REASON = "browser notice (scripts or cookies)"
# A site's cookie banner: "هذا الموقع يستخدم ملفات تعريف الارتباط ...", "We use cookies ...".
# (The site speaks of itself, or asks for consent: a report on cookies, "ستوقف غوغل استخدام ملفات تعريف
# الارتباط", is news.)
_COOKIE_NOTICE = re.compile(r"(نستخدم|هذا الموقع يستخدم|يستخدم (?:هذا )?الموقع|يستخدم موقعنا)\s+(?:\S+\s+){0,2}"
                            r"(ملفات تعريف الارتباط|الكوكيز|ملفات الكوكيز)|"
                            r"(ملفات تعريف الارتباط|الكوكيز).{0,120}(بمواصله|باستمرارك|بمتابعتك|موافقتك|توافق علي)|"
                            r"\b(we use|this (?:web)?site uses) cookies\b")
_CAPTCHA = re.compile(r"(captcha|كابتشا|انا لست روبوت|i'?m not a robot|التحقق البشري)")
_END_MARKER = re.compile(r"^[\(\[\-–—«\"]*\s*(انتهي|النهايه|تم|end)\s*[\)\]\-–—»\"]*\s*[.]?$")
_DISCLAIMER = re.compile(
    r"((اداره|اداره الموقع|الموقع|الصحيفه|الجريده|الناشر|المنصه)\s+(لا|غير)\s+(تتبني|يتبني|تتحمل|يتحمل|"
    r"مسووله|مسوول)|وجهه نظر الكاتب|يعبر عن (راي|وجهه نظر) (كاتبه|صاحبه|الكاتب)|تعبر عن (راي|وجهه نظر) "
    r"(كاتبها|صاحبها|الكاتب)|لا (تعبر|يعبر|تعكس|يعكس) بالضروره|علي عاتق الناشر|مسووليه الناشر|"
    r"the views expressed|"
    # An interview's editing note: "تم تحرير المقابلة واختصارها لدواعي الوضوح".
    r"تم (تحرير|اختصار|تنقيح) (المقابله|الحوار|اللقاء)|edited (and condensed )?for (length|clarity))")
_CREDIT_WORDS = re.compile(r"^(الصوره|صوره|تصوير|مصدر الصوره|حقوق الصوره|الصور|صور|فيديو|photo|image|credit)\s*[:：]|"
                           # BBC's labels, with a comma: "مصدر الصورة، Reuters", "التعليق على الصورة،".
                           r"^(مصدر الصوره|التعليق علي الصوره|image source|image caption)\s*[،,]")
_AGENCIES = (
    "رويترز", "ا ف ب", "اف ب", "فرانس برس", "وكاله الصحافه الفرنسيه", "اسوشيتد برس", "ا ب", "سبوتنيك",
    "تاس", "الاناضول", "ا ش ا", "واس", "قنا", "وام", "كونا", "بترا", "سانا", "يونهاب", "شينخوا", "د ب ا", "وفا",
    "غيتي", "غيتي ايميجز", "getty", "getty images", "afp", "reuters", "ap", "epa", "sputnik", "tass",
    "anadolu", "shutterstock", "pool", "efe", "xinhua", "yonhap", "ria novosti", "ريا نوفوستي",
)
# Outlet names as they stand alone on a line of pasted text (normalised). A line equal to one is a site
# name, not a heading.
_OUTLETS = (
    "الجزيره", "الجزيره نت", "العربيه", "العربيه نت", "سكاي نيوز عربيه", "بي بي سي", "بي بي سي عربي",
    "بي بي سي نيوز عربي", "سي ان ان", "سي ان ان بالعربيه", "فرانس 24", "روسيا اليوم", "ار تي", "rt",
    "rt arabic", "عربي21", "عربي 21", "الشرق الاوسط", "القدس العربي", "العربي الجديد", "الحره", "الميادين",
    "المصري اليوم", "اليوم السابع", "الاهرام", "الشروق", "الوطن", "الخليج", "البيان", "الرياض", "عكاظ",
    "الراي", "النهار", "الاخبار", "هسبريس", "الخبر", "الشروق اونلاين", "يونهاب", "وكاله يونهاب",
    "الاناضول", "وكاله الاناضول", "رويترز", "سبوتنيك", "سبوتنيك عربي", "دويتشه فيله", "دي دبليو",
    "dw", "dw عربيه", "اندبندنت عربيه", "يورونيوز", "ارم نيوز", "الامارات اليوم", "الغد", "عمون",
    "البوابه نيوز", "مصراوي", "الحياه", "السومريه نيوز", "شفق نيوز", "ايلاف", "سبق", "المدن", "عنب بلدي",
    "bbc", "cnn", "al jazeera", "lifegate", "reuters", "afp", "cnn بالعربيه", "bbc عربي", "bbc news عربي",
    "rt عربي", "france 24", "فرانس 24 عربي", "independent عربيه", "الجزيره مباشر", "الشرق", "الشرق نيوز",
    "hespress", "masrawy", "youm7", "aawsat", "asharq al-awsat", "sky news arabia", "anadolu",
    # More of the region's papers, channels and sites, as their mastheads read.
    "القبس", "الجريده", "الانباء", "رويا", "رويا الاخباري", "الدستور", "السبيل", "المدي", "الصباح", "واع",
    "سودان تربيون", "القاهره 24", "صدي البلد", "فيتو", "الوفد", "الجمهوريه", "الاقتصاديه", "المدينه",
    "الوطن السعوديه", "الشرق القطريه", "لوسيل", "الراي الكويتيه", "الرويه", "الامارات 24", "النهار العربي",
    "ارقام", "سي ان بي سي عربيه", "cnbc عربيه", "المنار", "ال بي سي", "ام تي في", "لبنان 24", "النشره", "تلفزيون سوريا", "الحدث", "كووره", "كوووره", "كوره",
    "يلا كوره", "le360", "le360 عربي", "lbci", "lbci lebanon", "ال بي سي اي", "الشروق اون لاين", "اليوم 24",
    "هبه بريس", "العمق المغربي", "الشروق الجزائريه",
    "النهار الجزائريه", "الوسط", "بوابه الوسط", "العرب اللندنيه", "التلفزيون العربي", "الغد الاردنيه",
    "العين الاخباريه", "بوابه العين الاخباريه", "الترا صوت", "الساعه 25", "الخليج اونلاين", "عربي بوست",
    "دنيا الوطن", "المصدر اونلاين", "النهار اونلاين", "الصباح نيوز", "بوابه الشروق", "جريده الرياض",
    "جريده المدي", "الايام الفلسطينيه", "وكاله معا", "القدس دوت كوم", "الوطن القطريه", "الرايه",
)
# "وكالة الأنباء العراقية", "وكالة أنباء الإمارات": a news agency's name alone on a line names the outlet.
# (With its acronym, and an agency of news "and information": "وكالة الأنباء والمعلومات الفلسطينية - وفا".)
# "جريدة الأنباء الكويتية", "صحيفة سبق الإلكترونية": a paper that calls itself one, alone on its line.
_PAPER_NAME = re.compile(r"^(?:جريده|صحيفه|مجله)(?: [^\W\d_]+){1,3}$")
_AGENCY_NAME = re.compile(r"^وكاله (?:الانباء|انباء)(?: والمعلومات)? \S+(?: \S+)?(?:\s*[-–—(]\s*\S+\s*\)?)?$")
# Cities that are also a newspaper's name: first in a dateline, they are the place ("الرياض - كووورة").
_PLACES_NAMED_LIKE_OUTLETS = frozenset({"الرياض"})
# A bare "مصدر" is a label only with its colon: "مصدر مصري: ..." is a headline quoting a source.
_SOURCE_LINE = re.compile(r"^(?:(المصدر الاصلي|مصدر الخبر|المصدر|المصادر|نقلا عن|source|via)(?!\w)\s*[:：\-–]?"
                          r"|مصدر\s*[:：\-–])\s*(.*)$")
_SITE_LINE = re.compile(r"^(الموقع|موقع|الرابط|رابط الخبر|رابط المقال|الرابط الاصلي|رابط مختصر|الرابط المختصر|"
                        r"رابط قصير|site|url|link)\s*[:：\-–]\s*(.*)$")
_BYLINE = re.compile(r"^(الكاتب|الكاتبه|كتب|كتبت|بقلم|اعداد|تحرير|المحرر|المحرره|مراسل|مراسله|ترجمه|"
                     r"(?:ساهم|ساهمت|شارك|شاركت) في (?:اعداد )?(?:هذا )?(?:التقرير|الخبر|التغطيه)|ساهم في اعداده|"
                     r"حاوره|حاورته|حاورها|حاورهم|اجري الحوار|اجرت الحوار|بواسطه(?=\s*[:：])|"
                     r"by|author|written by|role|reporting from)\b\s*[:：\-–،,]?\s*(.*)$")
# (A bare "تاريخ" only before its colon or the date: "تاريخ الميلاد: 14 مارس 1998" is a player's card.)
_DATE_LABEL = re.compile(r"^(نشر|نشرت|تاريخ النشر|تاريخ(?=\s*(?:[:：\-–]|[\d٠-٩]))|نشر في|نشر بتاريخ|نشر الخبر|اخر تحديث|تحديث|"
                         r"محدث|تم النشر|published|updated|date)\b")
# "العربية.نت نشر في: 11 يوليو ,2024": the outlet or the author, then the date's label and its colon.
_NAMED_DATE_LABEL = re.compile(r"^(?:\S+\s+){1,3}(?:نشر في|نشر بتاريخ|تاريخ النشر|اخر تحديث|تم النشر|published|"
                               r"updated)\s*[:：]")
# A sentence that reports what someone said is article text, whatever its words: "وأضاف أن الأرقام لا تعبر
# بالضرورة عن ..." is no disclaimer.
_REPORTED = re.compile(rf"(?:^|\s)(?:و|ف)?(?:{_REPORTING_VERBS})(?!\w)|(?:^|\s)(?:ان|بان)(?!\w)")
# Prompts in the imperative plural are never anything else; "شارك", "تابع", "تعليقات" also begin news
# sentences ("شارك طلاب الجامعات ...").
_IMPERATIVE_PROMPT = re.compile(r"^(شاركوا|اشتركوا|تابعنا|تابعونا|تابعوا|انضموا|حملوا|للاشتراك|اضغط)(?!\w)")
_SHARE_PROMPT = re.compile(r"^(شارك|شاركوا|مشاركه|share)(?!\w)")
_SOCIAL_HOST = re.compile(r"(?<![\w\-])(?:facebook|fb|twitter|x|t|wa|whatsapp|instagram|youtube|youtu|linkedin|"
                          r"telegram|tiktok)\.(?:com|me|be)(?:/|$)", re.I)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'،]+", re.I)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_DOMAIN = re.compile(r"^(?:[a-z0-9\-]+\.)+(?:com|net|org|info|news|tv|co|uk|kr|it|fr|de|ru|sa|ae|eg|qa|"
                     r"ma|dz|tn|jo|lb|sy|iq|kw|om|bh|ps|ly|sd|ye|me|io|int|gov|edu)(?:/\S*)?$", re.I)
_NUMBERED_ITEM = re.compile(r"^\s*[0-9٠-٩]{1,2}\s*[-–.)]\s*\S")
_BULLET = re.compile(r"^\s*([•▪●◦‣∙·\-–\*■□►▸✓✔]|\d{1,2}[.)\-]\s)\s*")
_TERMINAL = re.compile(r"[.!؟?…»\"”’'\)]\s*$")
_SENTENCE_END = re.compile(r"[.!؟?…]")
_SINGLE_SENTENCE_END = re.compile(r"(?<!\.)[.!؟?…](?!\.)")
_LETTER = re.compile(r"[^\W\d_]", re.U)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_LATIN = re.compile(r"[A-Za-z]")
# A social network's account, its @ on either side as a right-to-left line shows it: "@okaz_online", "okaz_online@".
_HANDLE = re.compile(r"(?<![\w@.])(?:@[A-Za-z0-9_]{3,}|[A-Za-z0-9_]{3,}@)(?![\w@.])")
# What follows a date label when it gives a time only: "04:05 م", "15:30 (بيروت)".
_UPDATE_TIME = re.compile(r"\s*[:：]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[صم]|am|pm)?\s*(?:\(?[^\W\d_]+(?: [^\W\d_]+)?\)?)?\s*$",
                          re.I)
_TIME_OF_DAY = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[صم]|am|pm|AM|PM)?\s*")
_TIME_REASON = "time of day"
# Tags as a site prints them: "#ميزانية_2025 #رؤية_2030".
_HASHTAGS = re.compile(r"(?:#[^\W_][\w]*\s*)+")

# --- Dates (brief.dates) ---------------------------------------------------------------------------
# A date, a colon, then words (not a time): an entry of a timeline.
_DATED_ENTRY = re.compile(rf"(?:\d{{4}}|{MONTH_PATTERN})\s*[:：]\s*[^\d\s:]\S*\s+\S+")


# --- Line features -------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return text.split()


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _core(text: str) -> str:
    """Normalised line without list markers, markdown heading marks or edge punctuation: what rules match."""
    text = _MD_HEADING.sub("", text)
    text = _BULLET.sub("", text)
    return normalize(text).strip(" \t.:：-–—|•*#\"'“”«»()[]")


# A caption's mark that the photo is an old one: "(أرشيفية)", "(صورة أرشيفية)", "(archive)".
# (Or after a dash: "المحكمة أدانت المتهمين - أرشيفية".)
# An illustrative photo says so too: "صورة تعبيرية", alone on its line or after the caption.
_ARCHIVE_MARK = re.compile(r"(?:[(\[]\s*(?:صوره\s+)?(?:ارشيفيه|ارشيف|من الارشيف|تعبيريه|توضيحيه|archive|file)\s*[)\]]|"
                           r"\s[-–—]\s*(?:صوره\s+)?(?:ارشيفيه|ارشيف|من الارشيف|تعبيريه|توضيحيه)|"
                           # After the caption's full stop: "... لا وجود لها. أرشيفية".
                           r"[.]\s*(?:صوره\s+)?(?:ارشيفيه|تعبيريه|توضيحيه)|"
                           r"^صوره\s+(?:ارشيفيه|من الارشيف|تعبيريه|توضيحيه))\s*$")

_ARCHIVE_CAPTION = "photo caption (an archive photo's)"
# A credit's label inside a caption, after a dash, a full stop or in brackets: "- الصورة: الدائرة الإعلامية",
# "(المصدر: الشركة المنتجة)". (On a line of its own, "المصدر: ..." is the source line: _SOURCE_LINE.)
_PHOTO_LABEL = re.compile(r"(?:^|(?<=[.\s]))(?:الصوره|مصدر الصوره|تصوير|المصدر)\s*[:：]\s*[^.:()\[\]]{2,40}\)?\s*$")
# "جانب من ..." names a part of the scene a photo shows: a caption's opening, no subheading's or sentence's.
# A photo handed out by its subject: "(الموقع الرسمي لنادي النصر)", "(الحساب الرسمي للوزارة)", "(من المصدر)".
_OFFICIAL_SOURCE = re.compile(r"^(?:الموقع الرسمي|الحساب الرسمي|الصفحه الرسميه|من المصدر|من الموقع|المكتب الاعلامي|"
                              r"(?:من )?صفحه (?:النادي|الفريق|الوزاره|الشركه|الاتحاد|اللاعب))\b")
_CAPTION_OPENER = re.compile(r"^(?:جانب|لقطه|صوره|صور) من\s")


# An organisation credited in its Latin letters after a caption's dash: "... في مطار صنعاء - ICRC".
_ACRONYM_CREDIT = re.compile(r"[A-Z]{2,6}(?:\s*/\s*[A-Z]{2,6})?")


def _is_agency_credit(core: str) -> bool:
    parts = [p.strip(" ()[]") for p in re.split(r"\s*[/|,،\-–—]\s*", core) if p.strip(" ()[]")]
    return bool(parts) and len(_words(core)) <= 8 and all(p in _AGENCIES for p in parts)


# Notices, credits and disclaimers are a line or two (the longest seen in test and review data is 16
# words). In a longer line, a notice's words count only when no prose comes before them: a whole article
# pasted as one line that ends in the site's "© ... all rights reserved" is the article, while a footer
# of menu words ending in the same notice, or a long disclaimer, is not.
NOTICE_MAX_WORDS = 40
_PROSE_SENTENCE_END = re.compile(r"[.!?؟]\s")


def _notice_at(core: str, start: int) -> bool:
    """Whether a notice's words found at `start` make the line a notice: a short line, or a long one
    with fewer than two sentences before them."""
    return len(core.split()) <= NOTICE_MAX_WORDS or len(_PROSE_SENTENCE_END.findall(core[:start])) < 2


def _is_photo_credit(text: str, core: str) -> bool:
    """A caption's ©, a 'photo:' label, several agencies joined by '/', or one agency in brackets."""
    if _CREDIT_WORDS.match(core):
        return True
    # A caption's © ends it with a short credit ("... on Friday. © Reuters"); one followed by a sentence
    # is prose about copyright. (® marks a trade name, never a credit.)
    if "©" in text and len(text.split()) <= NOTICE_MAX_WORDS:
        after = text.rsplit("©", 1)[1].strip(" .")
        # A long credit names the photographer, a pool, the agency and its distributor: "© GAVRIIL
        # GRIGOROV / POOL / AFP عبر Getty Images".
        relayed = "/" in after or re.search(r"(?<!\w)(?:عبر|via)(?!\w)", after)
        if (len(after.split()) <= 8 or relayed and len(after.split()) <= 14) and not _SENTENCE_END.search(after):
            return True
    bracketed = re.fullmatch(r"\s*[(\[](.+)[)\]]\s*", text)
    return _is_agency_credit(core) and (bracketed is not None or len(re.split(r"\s*[/|,،]\s*", core)) > 1)


def _names_photographer_of(credit: str) -> bool:
    """A caption's bracketed credit: an outlet or agency, alone or with its photographer ("عنب بلدي/ أنس الخولي")."""
    if _is_known_name(credit):
        return True
    parts = [p for p in re.split(r"\s*[/|]\s*", credit.strip()) if p]
    return len(parts) == 2 and len(_words(credit)) <= 6 and any(_is_known_name(p) for p in parts)


def _is_section_word(word: str) -> bool:
    return word in _SECTION_WORDS or word.startswith("و") and word[1:] in _SECTION_WORDS


def _is_known_name(name: str) -> bool:
    name = normalize(name).strip(" .:-–—|«»\"“”()[]")
    return (name in _OUTLETS or name in _AGENCIES or to_ascii_digits(name).lower() in _OUTLETS
            or _name_form(name) in _OUTLETS)


def _name_form(core: str) -> str:
    """A name without the punctuation a site puts inside it: "العربية.نت", "BBC News, عربي"."""
    return " ".join(re.sub(r"[.,،]", " ", core).split())


def _dateline_outlet(text: str) -> str | None:
    """'لندن: «الشرق الأوسط»', 'دمشق-سانا', 'سكاي نيوز عربية - أبوظبي', 'هسبريس - أ ف ب': a short line of a
    place and an outlet or agency; returns the outlet as written."""
    if len(text.split()) > 12 or _SENTENCE_END.search(re.sub(r"\.(?=(?:نت|كوم)\b)", " ", text).rstrip(".")):
        return None  # (the full stop of "العربية.نت" ends nothing)
    # A tatweel between spaces is a dash too: "لندن ـ «القدس العربي»". (Not a slash inside a date: "8/12/2026",
    # nor the colon of a time: "02/12/2026 21:14".) A correspondent's line names the outlet after "مراسل".
    parts = [re.sub(r"^(?:مراسل[ةو]?|موفد[ةه]?)\s+", "", p.strip(" «»\"“”()"))
             for p in re.split(r"\s*(?:(?<![\d٠-٩])[:：]|[:：](?![\d٠-٩])|[\-–—|]|(?<![\d٠-٩])/|/(?![\d٠-٩]))\s*|"
                               r"\s+ـ+\s+", text.strip())
             if p.strip(" «»\"“”()")]
    # "شفق نيوز - بغداد - 7 كانون الأول 2026", "هسبريس - الثلاثاء 8 دجنبر 2026": the outlet, a place, the day
    # (or both calendars' days: "جريدة الرياض - الخميس 23 جمادى الآخرة 1448هـ - 3 ديسمبر 2026م").
    dated = [p for p in parts if parse_date(p) or is_hijri_date(p)]  # (a weekday before the day too)
    if dated and any(parse_date(p) for p in dated):
        parts = [p for p in parts if p not in dated]
        if not 1 <= len(parts) <= 3:
            return None
        # ("الرياض - 12 يونيو 2024" is the city and the day: a city named like a paper is the place here.)
        named = [p for p in parts if (_is_known_name(p) or _NAMED_LIKE_OUTLET.search(normalize(p)))
                 and normalize(p) not in _PLACES_NAMED_LIKE_OUTLETS]
        first = normalize(parts[0])
        if (not named and len(parts) >= 2 and re.fullmatch(r"ال[^\W\d_]{3,}", first) and first not in WEEKDAYS
                and not is_place_name(parts[0]) and not _is_section_word(first)
                and any(is_place_name(p) for p in parts[1:])):
            named = [parts[0]]  # a paper not listed, then the place and the day: "الاتحاد - دبي - 3 ديسمبر 2026"

        def placed(p: str) -> bool:
            return (p in named or is_place_name(p) or all(_is_section_word(w) for w in normalize(p).split())
                    or bool(re.match(r"(?:بقلم|كتب|كتبت|اعداد)\b", normalize(p))))

        # (A section and the writer may stand between: "القدس العربي - مقالات - بقلم عماد الخفاجي - 8 ديسمبر",
        # or the writer after the place: "الشرق الأوسط - عدن: محمد ناصر - 2 ديسمبر 2026".)
        others = [p for p in parts if not placed(p)]
        writer = (len(others) == 1 and named and parts[0] == named[0] and parts.index(others[0]) > 1
                  and is_place_name(parts[parts.index(others[0]) - 1])
                  and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+){1,2}", others[0]))
        if named and len(named[0].split()) <= 4 and (not others or writer):
            return named[0]
        return None
    if len(text.split()) > 6:
        return None
    # The place may follow the outlet in brackets: "الأخبار (نواكشوط)".
    bracketed = re.fullmatch(r"([^()]+?)\s*\(([^()]+)\)", text.strip())
    if len(parts) == 1 and bracketed:
        parts = [bracketed[1].strip(" «»\"“”"), bracketed[2].strip(" «»\"“”")]
    if len(parts) < 2 or len(parts) > 3:
        return None
    if len(parts) == 2 and normalize(parts[0]) in _PLACES_NAMED_LIKE_OUTLETS:
        # "الرياض - كووورة": the city, then the outlet, known or not ("الرياض - 12 يونيو 2024" names none).
        return None if re.search(r"[\d٠-٩]", parts[1]) or parse_date(parts[1]) else parts[1]
    known = [p for p in parts if _is_known_name(p)]
    # A place is a word or three, a writer's name or a tagline no more: "محطة قطار في القاهرة - رويترز" is a
    # caption and its credit.
    if any(len(p.split()) > DATELINE_PART_MAX_WORDS for p in parts if p not in known):
        return None
    return known[0] if known else None


DATELINE_PART_MAX_WORDS = 3
# A name that says it is a news outlet, known or not: "شفق نيوز", "روداو عربية", "صحيفة الخليج".
_NAMED_LIKE_OUTLET = re.compile(r"^(?:صحيفه|جريده|وكاله|قناه|موقع|شبكه|اذاعه|مجله)\s\S|\s(?:نيوز|نت|عربيه|عربي|اونلاين|"
                                r"الاخباري|الاخباريه|بوست|تايمز|24)$")
DATELINE_MAX_CHARS = 80

# A dateline's separator: a dash, a colon or a slash; a tatweel only with a space beside it ("لندن ـ").
_DATELINE_SEPARATOR = re.compile(r"\s*(?:[-–—]+|:|/|(?<=\s)ـ+|ـ+(?=\s))\s*")
_NUMERIC_DATE = re.compile(r"[0-9٠-٩]{1,4}\s*[-/.]\s*[0-9٠-٩]{1,2}\s*[-/.]\s*[0-9٠-٩]{2,4}")
_BRACKETED_END = re.compile(r"[(（]([^()（）]{1,30})[)）]\s*$")
_MONTH_WORDS = frozenset(word for month in MONTHS for word in month.split())


def wire_dateline(text: str) -> tuple[int, str | None]:
    """The wire dateline that opens a line of text, as (its length in characters, the agency or outlet it
    names), or (0, None): "رام الله 15-10-2024 وفا- أصدر", "تونس (وات) - دعا", "شفق نيوز/ لقي",
    "عمان- الرأي- دعا". A place alone counts only if it is a known place and a dash follows it; "الجيش
    اللبناني: وحداتنا" is a speaker, not a dateline."""
    head = text[:DATELINE_MAX_CHARS]
    # A date's own dashes and slashes separate nothing.
    masked = _NUMERIC_DATE.sub(lambda m: "0" * len(m[0]), head)
    first = _DATELINE_SEPARATOR.search(masked)
    if not first or not first.start():
        return 0, None
    named = _dateline_prefix(text[:first.start()], masked[first.start():first.end()].strip())
    if named is False:
        return 0, None
    end, outlet = first.end(), named
    # Place, separator, then the agency and its own separator: "القاهرة - (أ ف ب) - أعلنت", "عمان- الرأي- دعا".
    following = _DATELINE_SEPARATOR.search(masked, end)
    if following and following.start() > end and following.start() - end <= 30:
        chained = text[end:following.start()].strip()
        bracketed = _BRACKETED_END.fullmatch(chained) or re.fullmatch(r"[(（]([^()（）]{1,30})[)）]", chained)
        name = bracketed[1].strip() if bracketed else chained
        if _is_known_name(name) or bracketed and _names_agency(name):
            end, outlet = following.end(), outlet or name
    # SANA glues its name to the place: "دمشق-سانا بحث وزير".
    glued = re.match(r"(\S+)\s+", text[end:]) if not text[first.start():first.end()].endswith(" ") else None
    if glued and normalize(glued[1]) in _AGENCIES:
        end, outlet = end + glued.end(), outlet or glued[1]
    rest = text[end:]
    if len(rest.split()) < 3 or not has_arabic(rest):
        return 0, None
    return end, outlet.strip(" «»\"“”") if outlet else None


def _names_agency(name: str) -> bool:
    """A bracketed credit that can be an agency: a word or three, no digits ("وات", "أ ف ب", "بترا")."""
    return 0 < len(name.split()) <= 3 and not re.search(r"[0-9٠-٩]", name)


def _dateline_prefix(prefix: str, separator: str) -> str | None | bool:
    """What stands before a dateline's separator: False if it is no dateline; else the agency or outlet it
    names (None when it names none: a place and a date, or a known place before a dash)."""
    words = prefix.split()
    if not words or len(words) > 8:
        return False
    outlet = None
    rest = prefix.strip()
    bracketed = _BRACKETED_END.search(rest)
    if bracketed and _names_agency(bracketed[1]):
        outlet, rest = bracketed[1].strip(), rest[:bracketed.start()].strip(" ،,")
    if outlet is None:
        # The agency after the place and date: "رام الله 15-10-2024 وفا".
        words = rest.split()
        for size in (3, 2, 1):
            if len(words) >= size and _is_known_name(" ".join(words[-size:])):
                outlet, rest = " ".join(words[-size:]), " ".join(words[:-size]).strip(" ،,")
                break
    # The date after the place: "الرياض، 3 ديسمبر", "رام الله 15-10-2024".
    place = [w for w in re.split(r"[\s،,]+", rest) if w]
    dated = False
    while place and (re.search(r"[0-9٠-٩]", place[-1]) or normalize(place[-1]) in _MONTH_WORDS):
        dated = bool(re.search(r"[0-9٠-٩]", place.pop())) or dated
    if len(place) > DATELINE_PART_MAX_WORDS or any(not w.isalpha() for w in place):
        return False
    if outlet:
        return outlet
    if separator[:1] not in "-–—ـ":
        return False  # a colon or a slash after a place alone is a speaker or a section: "مصر: ..."
    if place and (dated or is_place_name(" ".join(place))):
        return None
    return False


@dataclass
class _Facts:
    """What one line says on its own, before context: a provisional kind, a reason, metadata found."""

    kind: str  # blank | boilerplate | meta | text
    reason: str
    field: str | None = None  # metadata field this line gives: outlet, url, published, byline
    value: str | None = None
    end_signal: bool = False  # furniture that only follows an article's end
    marker: str | None = None  # 'read_also' or 'related': a block of links follows


# Sites by their addresses, named as readers know them (a source list citing "aawsat.com" reads as a link).
_OUTLET_OF_HOST = {
    "aawsat.com": "الشرق الأوسط", "youm7.com": "اليوم السابع", "aljazeera.net": "الجزيرة نت",
    "alarabiya.net": "العربية", "skynewsarabia.com": "سكاي نيوز عربية", "hespress.com": "هسبريس",
    "arabi21.com": "عربي21", "masrawy.com": "مصراوي", "ahram.org.eg": "الأهرام", "shorouknews.com": "الشروق",
    "almasryalyoum.com": "المصري اليوم", "bbc.com": "BBC News عربي", "france24.com": "فرانس 24",
    "independentarabia.com": "إندبندنت عربية", "enabbaladi.net": "عنب بلدي", "alquds.co.uk": "القدس العربي",
    "alghad.com": "الغد", "aa.com.tr": "الأناضول", "rt.com": "RT Arabic", "cnnarabic.com": "CNN بالعربية",
    "dw.com": "DW عربية", "alkhaleej.ae": "الخليج", "alriyadh.com": "الرياض", "okaz.com.sa": "عكاظ",
    "annahar.com": "النهار", "alraimedia.com": "الراي", "alqabas.com": "القبس", "aljarida.com": "الجريدة",
    # News agencies, and more of the region's papers and sites.
    "yna.co.kr": "يونهاب", "sana.sy": "سانا", "wafa.ps": "وفا", "petra.gov.jo": "بترا", "kuna.net.kw": "كونا",
    "spa.gov.sa": "واس", "qna.org.qa": "قنا", "wam.ae": "وام", "alhurra.com": "الحرة", "almayadeen.net": "الميادين",
    "alaraby.co.uk": "العربي الجديد", "elaph.com": "إيلاف", "shafaq.com": "شفق نيوز", "rudaw.net": "روداو",
    "albayan.ae": "البيان", "echoroukonline.com": "الشروق أونلاين", "elkhabar.com": "الخبر",
    "alittihad.ae": "الاتحاد", "sabq.org": "سبق", "alayam.com": "الأيام", "addustour.com": "الدستور",
    "alwasat.ly": "بوابة الوسط", "hibapress.com": "هبة بريس", "euronews.com": "يورونيوز",
    "alhadath.net": "الحدث", "albawabhnews.com": "البوابة نيوز", "alarab.co.uk": "العرب",
}


def _outlet_from_url(url: str) -> str:
    """The outlet a page's address names: its site's name where the site is known, else its host."""
    host = re.sub(r"^(https?://)?", "", url, flags=re.I).split("/")[0]
    # The host is after any "user@" part: "https://good.example@evil.example/a" is evil.example's page.
    host = re.sub(r"^www\.", "", host.rsplit("@", 1)[-1], flags=re.I)
    # (Mobile and language editions: m.youm7.com, arabic.rt.com, www.bbc.com/arabic.)
    parts = host.lower().split(".")
    for start in range(len(parts) - 1):
        name = _OUTLET_OF_HOST.get(".".join(parts[start:]))
        if name and (name != "BBC News عربي" or "/arabic" in url.lower()):
            return name
    return host


def line_facts(text: str) -> _Facts:
    """Classify one line by itself (no context)."""
    stripped = text.strip()
    if not stripped:
        return _Facts("blank", "blank line")
    core = _core(stripped)
    words = _words(core)
    ascii_core = to_ascii_digits(core)
    if _TIME_OF_DAY.fullmatch(to_ascii_digits(stripped)):
        # A story's time under its date ("2024/12/07" / "22:41", "02:00 ص"), a live page's entry's time.
        return _Facts("meta", _TIME_REASON)
    if not _letters(stripped):
        date = parse_date(stripped)
        if date:
            return _Facts("meta", "date line", "published", date)
        return _Facts("boilerplate", "lone symbols or numbers, no words")
    captcha, licence = _CAPTCHA.search(core), _LICENCE.search(core)
    if captcha and _notice_at(core, captcha.start()):
        return _Facts("boilerplate", "CAPTCHA prompt", end_signal=True)
    if (licence and _notice_at(core, licence.start()) and not _REPORTED.search(core[:licence.start()])
            and not _inside_quotes(normalize(stripped), licence.group(0))):
        # ("وتقول الصحيفة إن مقالاتها كانت تحمل عبارة جميع الحقوق محفوظة" reports a notice.)
        return _Facts("boilerplate", "licence or copyright notice", end_signal=True)
    embed = _EMBED_NOTICE.search(core)
    if embed and _notice_at(core, embed.start()) or _EMBED_EDGE.match(core):
        return _Facts("boilerplate", "embedded post's skip link, consent prompt or notice")
    block_end = _BLOCK_END.match(core)
    if block_end and (_RELATED.match(block_end.group(1)) or _TAGS.match(block_end.group(1) + ":")):
        return _Facts("boilerplate", "end of a 'related'/'most read' block", marker="block_end")
    disclaimer = _DISCLAIMER.search(core)
    if disclaimer and _notice_at(core, disclaimer.start()) and not _REPORTED.search(core[:disclaimer.start()]):
        return _Facts("boilerplate", "publisher disclaimer", end_signal=True)
    if _END_MARKER.match(stripped.replace("إ", "ا").replace("ى", "ي").replace("ة", "ه")) and len(words) <= 2:
        return _Facts("boilerplate", "end-of-article marker", end_signal=True)
    if _TAGS.match(core):
        return _Facts("boilerplate", "tags line", end_signal=True)
    if _HASHTAGS.fullmatch(INVISIBLE_CONTROLS.sub("", stripped)):
        return _Facts("boilerplate", "hashtags")
    tagged = re.match(r"([^#:：]{2,30})[:：]\s*(?=#)", stripped)  # "الأكثر تداولاً: #طرابلس #الميزانية"
    if (tagged and len(tagged[1].split()) <= 3
            and _HASHTAGS.fullmatch(INVISIBLE_CONTROLS.sub("", stripped[tagged.end():]))):
        return _Facts("boilerplate", "hashtags (under a label)")
    email = _EMAIL.search(stripped)
    if email and len(stripped) - len(email.group(0)) < 25 and len(words) <= 4:
        return _Facts("boilerplate", "e-mail address", end_signal=True)
    if _EDITOR_NOTE.match(core) and len(words) <= 60:
        return _Facts("boilerplate", "editor's note on the piece")
    if _COMMENTS.match(to_ascii_digits(core)):
        # (It ends an article only below one; see _classify.)
        return _Facts("boilerplate", "readers' comments header", marker="comments")
    if _READ_ALSO.match(core):
        return _Facts("boilerplate", "'read also' link", marker="read_also")
    if re.match(r"من ملف\s*[:：]", core) and len(words) <= 8:
        # "من ملف : لبنان بعد الحرب": the dossier the story is filed in, its topics listed under it.
        return _Facts("boilerplate", "'related'/'most read' list header", marker="related", end_signal=True)
    more_of = re.fullmatch(r"(?:المزيد|مزيد) (?:من|في) ((?:\S+ ?){1,3})", core)
    if _RELATED.match(core) or more_of and all(_is_section_word(w) for w in more_of.group(1).split()):
        # ("المزيد من حوادث وقضايا" heads the section's other stories; "المزيد من الضحايا" may be a subheading.)
        return _Facts("boilerplate", "'related'/'most read' list header", marker="related", end_signal=True)
    source = _SOURCE_LINE.match(core)
    # ("المصدر أونلاين" is a site's name, also before its place and day: "المصدر أونلاين - عدن - 2 ديسمبر 2026".)
    if source and len(words) <= 8 and not _is_known_name(re.split(r"\s+[-–—|]\s+", core)[0]):
        value = _original_tail(stripped)
        if core.startswith("نقلا عن") and value:
            value = re.sub(r"^عن\s+", "", value)  # "نقلا عن رويترز": the outlet is Reuters
        # An outlet or "agencies" closes an article; "المصدر: صندوق النقد الدولي" under a chart does not.
        closing = not value or _is_known_name(_outlet_name(value) or "") or normalize(value).strip() in _GENERIC_SOURCES
        return _Facts("meta", "source line", "outlet", value or None, end_signal=closing)
    site = _SITE_LINE.match(core)
    if site and len(words) <= 8:
        value = _original_tail(stripped)
        url = _URL.search(value or "")
        if url:
            return _Facts("meta", "site or URL line", "url", url.group(0), end_signal=True)
        return _Facts("meta", "site line", "outlet", value or None, end_signal=True)
    if len(words) <= 3 and _URL.fullmatch(stripped):
        return _Facts("meta", "URL line", "url", stripped if stripped.lower().startswith("http") else None)
    if len(words) <= 2 and _DOMAIN.match(stripped):
        return _Facts("meta", "site domain line", "outlet", stripped)
    # A full sentence (five words or more, ending in a full stop) that merely begins with a label word is
    # news: "مراسل الجزيرة أصيب في القصف.", "تحرير سعر الصرف يدخل حيز التنفيذ غدا.".
    sentence = len(words) >= 5 and bool(re.search(r"[.!؟?]\s*[\"”»']?\s*$", stripped))
    byline = _BYLINE.match(core)
    labelled = bool(byline) and bool(re.match(r"\s*[:：\-–،,]", core[byline.end(1):]))
    if (byline and len(words) <= (12 if labelled else 8) and not _SENTENCE_END.search(stripped.rstrip("."))
            and (labelled or not sentence)):
        return _Facts("meta", "byline", "byline", _original_tail(stripped) or None)
    handle = _HANDLE.search(stripped)
    if (handle and len(words) <= 6 and has_arabic(stripped) and not _SENTENCE_END.search(_HANDLE.sub("", stripped))
            and not (_SHARE.match(core) or _FOLLOW.match(core))):  # ("تابعونا على تويتر @okaz_online")
        # Okaz signs its stories "عبدالله الزهراني (الرياض) okaz_online@": a writer, a place, an account.
        return _Facts("meta", "byline (with the writer's account)", "byline",
                      _HANDLE.sub("", stripped).strip(" -–—|") or None)
    label = _DATE_LABEL.match(core) or _NAMED_DATE_LABEL.match(core)
    if label and parse_date(stripped) and len(words) <= 20 and not (
            sentence and len(_words(re.split(r"[\d٠-٩]", core, maxsplit=1)[0])) > 3):
        # ("نشرت الجريدة الرسمية القرار في 12 مارس 2025." is news, not the page's date)
        return _Facts("meta", "publication date line", "published", parse_date(stripped))
    if label and _UPDATE_TIME.match(to_ascii_digits(core[label.end():])):
        return _Facts("meta", _TIME_REASON)  # "آخر تحديث: 04:05 م", "آخر تحديث: 15:30 (بيروت)"
    if (_SHARE.match(core) and len(words) <= 8 or _FOLLOW.match(core) and len(words) <= 25) and (
            _IMPERATIVE_PROMPT.match(core) or not sentence):
        return _Facts("boilerplate", "share/subscribe/comment prompt")
    if _PROMO.match(core) and len(words) <= 8:
        return _Facts("boilerplate", "site promotion")
    if _PAGE_CONTROL.match(core):
        return _Facts("boilerplate", "page control, advert or comment form")
    if _COOKIE_NOTICE.search(ascii_core.lower()) and len(words) <= 40:
        return _Facts("boilerplate", "cookie notice")
    if _BROWSER_NOTICE.search(ascii_core.lower()) and len(words) <= 25:
        return _Facts("boilerplate", _BROWSER_NOTICE_REASON)
    if _is_ticker(stripped):
        return _Facts("boilerplate", "market or weather ticker")
    if _TEMPERATURE.search(stripped) and len(words) <= 6 and not _SENTENCE_END.search(stripped):
        return _Facts("boilerplate", "weather widget")  # "المنامة 21° غائم جزئياً", "العقبة 19°"
    if _PRAYER_TIME.fullmatch(normalize(to_ascii_digits(stripped)).strip()):
        return _Facts("boilerplate", "prayer times widget")  # "الفجر 4:41"
    if _is_menu_line(stripped):
        return _Facts("boilerplate", "site menu on one line")
    if _CHART_LABEL.match(core) and len(words) <= 30:
        return _Facts("boilerplate", "chart or map caption")
    plain = [w for w in re.split(r"[\s/|,،•·\-–—]+", ascii_core.lower()) if w]
    if plain and len(plain) <= 10 and all(w in _SOCIAL for w in plain):
        return _Facts("boilerplate", "share buttons (social networks named)")
    if _RELATIVE_TIME.match(to_ascii_digits(core)):
        return _Facts("boilerplate", "relative time ('3 hours ago')")
    crumbs = [w for w in re.split(r"[\s/|>»›<«‹\\]+", core) if w]
    # A trail drawn with arrows names a place or topic, then a section: "الإمارات > حوادث وقضايا".
    trail = [part.split() for part in re.split(r"\s+[>»›]\s+", core)]
    if crumbs and len(crumbs) <= 6 and (all(_is_section_word(w) for w in crumbs)
                                        or len(crumbs) == 2 and crumbs[0] == "اخبار"
                                        # A trail from the home page names sections of any kind: "الرئيسية
                                        # عرب وعالم العراق".
                                        or crumbs[0] in ("الرييسيه", "home") and not _SENTENCE_END.search(core)
                                        or len(trail) >= 2 and all(len(part) <= 3 for part in trail)
                                        and all(_is_section_word(w) for w in trail[-1])):
        return _Facts("boilerplate", "section name or breadcrumb")  # "العلوم والتكنولوجيا", "أخبار مصر"
    if _is_photo_credit(stripped, core):
        return _Facts("boilerplate", "photo credit")
    if (core in _OUTLETS or ascii_core.lower() in _OUTLETS or core in _AGENCIES or _name_form(core) in _OUTLETS
            or _AGENCY_NAME.match(core) or _PAPER_NAME.match(core)):
        return _Facts("meta", "outlet name line", "outlet", stripped.strip(" .:-–—|"))
    if len(stripped) <= 16 and _INITIALS.match(stripped):
        return _Facts("boilerplate", "editor's initials")
    # DW signs off with its editors' initials and the agencies it drew on: "ع.ج.م/ ع.ش (د ب أ، أ ف ب)".
    signed = re.fullmatch(r"(.+?)\s*[(\[]([^()\[\]]+)[)\]]", stripped)
    if (signed and len(signed[1]) <= 16 and _INITIALS.match(signed[1].strip())
            and _is_agency_credit(_core(signed[2]))):
        return _Facts("boilerplate", "editors' initials and the agencies drawn on")
    dateline = _dateline_outlet(stripped)
    if dateline:
        return _Facts("meta", "dateline (place and outlet)", "outlet", dateline)
    dashed = re.fullmatch(r"(.+?)\s+[-–—]\s*([^-–—]+)", stripped)
    # (A labelled credit after a figure may be a fact's source: "ارتفع التضخم إلى 5% - المصدر: البنك المركزي".)
    if (dashed and (_is_agency_credit(_core(dashed[2])) or _ACRONYM_CREDIT.fullmatch(dashed[2].strip())
                    or _PHOTO_LABEL.match(_core(dashed[2])) and not re.search(r"[\d٠-٩]", dashed[1]))
            and len(_words(dashed[1])) > DATELINE_PART_MAX_WORDS
            and len(words) <= 20 and not _SENTENCE_END.search(dashed[1])
            and not _REPORTED.search(normalize(dashed[1]))):
        return _Facts("boilerplate", "photo caption with an agency credit")
    credit = re.search(r"[(\[]([^()\[\]]+)[)\]]\s*$", stripped)
    caption = stripped[:credit.start()].rstrip() if credit else ""
    # (The outlet's own photographers are credited the same way: "... خلال الحوار (الشرق الأوسط)", or with
    # the photo's label: "(تصوير: الشروق)". A caption may end its sentence before the credit: "... الميزانية.
    # (واس)"; a wire story's last sentence signed so reports what was said: "وقال ... غدا. (رويترز)".)
    if (credit and (_is_agency_credit(_core(credit.group(1))) or _names_photographer_of(credit.group(1))
                    or _CREDIT_WORDS.match(_core(credit.group(1))) or _OFFICIAL_SOURCE.match(_core(credit.group(1)))
                    or _PHOTO_LABEL.match(_core(credit.group(1))) and not re.search(r"[\d٠-٩]", caption))
            and len(words) <= 20 and not re.search(r"[.!؟?…]", caption.rstrip("."))
            and not (caption.endswith(".") and _REPORTED.search(normalize(caption)))):
        return _Facts("boilerplate", "photo caption with an agency credit")
    # A caption whose credit follows its full stop: "متداولون يتابعون شاشة الأسعار. المصدر: بلومبرغ". (No
    # figure before it: "بلغت الإصابات 500 حالة. المصدر: وزارة الصحة" is a fact with its source.)
    labelled = _PHOTO_LABEL.search(normalize(stripped))
    if (labelled and labelled.start() > 0 and len(words) <= 20 and stripped.rstrip()[-1:] not in ".!؟?…"
            and re.search(r"[.]\s*$", normalize(stripped)[:labelled.start()])
            and not re.search(r"[\d٠-٩]", stripped[:labelled.start()])
            and not _SENTENCE_END.search(normalize(stripped)[:labelled.start()].rstrip(" .").rstrip(" ."))
            and not _REPORTED.search(normalize(stripped)[:labelled.start()])):
        return _Facts("boilerplate", "photo caption with its credit after it")
    if (_CAPTION_OPENER.match(core) and len(words) <= CAPTION_MAX_WORDS
            and not re.search(r"[.!؟?…:«»\"“”\d٠-٩]", stripped) and not _REPORTED.search(core)):
        return _Facts("boilerplate", "photo caption ('جانب من ...': part of a scene)")
    plain_text = normalize(stripped)
    archive = _ARCHIVE_MARK.search(plain_text)
    if archive and len(words) <= 20 and not _SENTENCE_END.search(plain_text[:archive.start()]):
        return _Facts("boilerplate", _ARCHIVE_CAPTION)
    if not has_arabic(stripped):
        date = parse_date(stripped)
        if date and not re.sub(r"[\d\s:/.,\-–+]", "", _LATIN_DATE_WORDS.sub("", stripped.lower())):
            # "03-02-2025 11:42 AM", "June 19, 2024", "2024-06-19T22:30:00Z": a date, never a site's name.
            return _Facts("meta", "date line", "published", date)
        # (A font-size button "A", a Hebrew edition's link "עברית" or a rule "ـــــ" names no site.)
        if len(words) <= 3 and not _SENTENCE_END.search(stripped) and len(_LATIN.findall(stripped)) >= 2:
            return _Facts("meta", "site name (short Latin line)", "site", stripped)
        return _Facts("boilerplate", "no Arabic text")
    if is_hijri_date(stripped):
        return _Facts("meta", "date line (Hijri calendar)")  # "الأربعاء 13 ذو الحجة 1445 هـ"
    date = parse_date(stripped)
    # A list item or a timeline entry ("- 19 نوفمبر 2023: بدء الهجمات على السفن") is text with a date in it.
    item = _BULLET.match(stripped) or _DATED_ENTRY.search(normalize(to_ascii_digits(stripped)))
    if (date and len(words) <= 12 and not item and not _OTHER_DATE_LABEL.match(core)
            and not _SENTENCE_END.search(re.sub(r"[\d٠-٩][.][\d٠-٩]", "", stripped))
            and arabic_letter_count(stripped) < 80):
        return _Facts("meta", "byline or date line (short, dated, no sentence)", "published", date)
    return _Facts("text", "Arabic text")


# A site's strip of prices or weather over its pages: "تاسي 12,184.56 ▲ 0.42%", "القدس 9° | غزة 15°",
# "دولار 3.58 | دينار 5.05". (A table's row parts its cells with tabs, one figure a cell: that is text.)
_TICKER_CELL = re.compile(r"[^\W\d_][^\d|]{0,24}?\s*[-+−]?[\d٠-٩][\d٠-٩.,٫]*\s*(?:°\s*[CcFسم]?|%|٪)?")
_CHART_LABEL = re.compile(r"^(?:رسم بياني|انفوغراف\S*|انفوجراف\S*|خريطه|chart|graphic|map)\s*[:：]")


_TEMPERATURE = re.compile(r"[\d٠-٩]{1,2}\s*°")
_PRAYER_TIME = re.compile(r"(?:الفجر|الشروق|الظهر|العصر|المغرب|العشاء)\s*[:：]?\s*\d{1,2}:\d{2}(?:\s*[صم])?")


def _is_ticker(text: str) -> bool:
    if re.search(r"[▲▼△▽]", text) and re.search(r"[\d٠-٩]", text) and len(text.split()) <= 12:
        return True
    cells = [cell.strip() for cell in text.split("|")]
    return len(cells) >= 3 and all(_TICKER_CELL.fullmatch(cell) for cell in cells)


def _is_menu_line(text: str) -> bool:
    """A menu copied as one line, its items parted by tabs (most of them section names), or by bars
    ("مباريات اليوم | ترتيب الدوري | الانتقالات | الفيديو": links, whatever they name)."""
    bars = [cell.strip() for cell in text.split("|")]
    if len(bars) >= 4 and all(1 <= len(cell.split()) <= 3 and not re.search(r"[\d٠-٩.!؟?…:：]", cell)
                              for cell in bars):
        return True
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    if len(cells) < 4 or any(len(cell.split()) > 3 or re.search(r"[\d٠-٩]", cell) for cell in cells):
        return False
    return sum(all(_is_section_word(w) for w in normalize(cell).split()) for cell in cells) * 2 >= len(cells)


_LATIN_DATE_WORDS = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                               r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|"
                               r"tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|"
                               r"sun(?:day)?|am|pm|utc|gmt|published|updated|on)\b|(?<=\d)t(?=\d)|(?<=\d)z\b")


def _inside_quotes(text: str, words: str) -> bool:
    """Whether `words` stand between quotation marks in a sentence that goes on after them: "«جميع الحقوق
    محفوظة»، عبارة لم تعد تحمي المؤلفين ..." quotes a notice, it is none."""
    at = text.find(words)
    if at < 0:
        return False
    before, after = text[:at], text[at + len(words):]
    closing = re.search(r"[»\"”]", after)
    opened = (before.count("«") > before.count("»") or before.count("“") > before.count("”")
              or before.count("\"") % 2 == 1)
    return opened and closing is not None and len(_words(after[closing.end():])) >= 3


def _original_tail(text: str) -> str:
    """The value after a label like 'المصدر:' in its original spelling."""
    parts = re.split(r"\s*[:：]\s*", text.strip(), maxsplit=1)
    if len(parts) == 2:
        return parts[1].strip(" .-–—|")
    words = text.split(maxsplit=1)
    return words[1].strip(" .:-–—|") if len(words) == 2 else ""


def _is_link_like(text: str) -> bool:
    """A headline in a list of links: a bullet, or short and without a full stop at the end."""
    stripped = text.strip()
    if _BULLET.match(stripped):
        return True
    if stripped.endswith((":", "：")) and len(_words(stripped)) > 3:
        return False  # a lead-in to the list below it ("... بعد التعاقد مع كل من:"), no headline
    return len(_words(stripped)) <= LINK_MAX_WORDS and not re.search(r"[.!…]\s*[\"”»']?\s*$", stripped)


def _next_is_link(raw: list[str], kinds: list[str], i: int) -> bool:
    j = next((k for k in range(i + 1, len(raw)) if kinds[k] != "blank"), None)
    return j is not None and kinds[j] == "text" and _is_link_like(raw[j])


def _is_heading_like(text: str, max_words: int = HEADING_MAX_WORDS) -> bool:
    stripped = _MD_HEADING.sub("", text.strip())
    if _BULLET.match(stripped) and not stripped.startswith("#"):
        return False
    words = _words(stripped)
    if not words or len(words) > max_words:
        return False
    return not re.search(r"[.!…،,؛;]\s*[\"”»']?\s*$", stripped)


NAME_MAX_WORDS = 4


def _is_name_line(text: str) -> bool:
    """A person's name, or a place and a name joined by a dash: a few words, no digits, no punctuation.
    Also a name with its place in brackets ("هالة الخياط (أبوظبي)") or a known place and a colon before it
    ("بغداد: عمر عبد اللطيف"), and a name after its title's abbreviation ("د. ريم الحربي")."""
    text = re.sub(r"^\s*(?:(?:أ|ا|د|م)\.\s*){1,2}(?=[^\W\d_])", "", text)
    text = re.sub(r"\s*\(([^\W\d_]+(?:\s+[^\W\d_]+)?)\)\s*$", r" - \1", text.strip())
    placed = re.fullmatch(r"([^:：]+)[:：]\s*(.+)", text)
    if placed and is_place_name(placed[1]):
        text = f"{placed[1]} - {placed[2]}"
    parts = [p for p in re.split(r"\s+[-–—/]\s*|\s*[-–—/]\s+", text.strip()) if p]
    return (0 < sum(len(_words(p)) for p in parts) <= NAME_MAX_WORDS and len(parts) <= 2
            and all(re.fullmatch(r"[^\W\d_]+(?:\s+[^\W\d_]+)*", p) for p in parts))


BYLINE_MAX_LINES = 3
_SLASHED_BYLINE = re.compile(r"([^\W\d_]+(?: [^\W\d_]+)?)\s*/\s*([^\W\d_]+(?: [^\W\d_]+){1,3})")


def _names_over_furniture(raw: list[str], kinds: list[str], start: int, end: int) -> bool:
    """Whether the text from `start` is a line or a few of names ("القاهرة - العين الإخبارية" / "أحمد عبد
    الفتاح") with a date, a dateline or the page's end, not text, under them."""
    names = 0
    for k in range(start, end):
        if kinds[k] == "blank":
            continue
        if kinds[k] != "text":
            return names > 0
        if not _is_name_line(raw[k]) or names == BYLINE_MAX_LINES:
            return False
        names += 1
    return names > 0


INTERVIEW_MIN_QUESTIONS = 3
LEAD_CAPTION_MAX_WORDS = 5
_QUESTION_LINE = re.compile(r"[؟?]\s*[\"”»']?\s*$")
LEAD_IN_MIN_WORDS = 3
# An interview's question and answer labels: "س: ...؟", "ج: ..." (with their colon: "س-400" is a missile).
_DIALOGUE = re.compile(r"^(?:س|ج|سوال|جواب|q|a)\s*[:：]")


def _reads_as_heading(text: str) -> bool:
    """Short and unpunctuated, and not a line of another kind that is so too: an interview's question ("س: كم
    وحدة سكنية تضررت؟"), a table's row (cells a select-all joins with tabs), a sentence that ends in a colon
    to lead into what follows ("وجاء في أبرز مواد القرار بقانون:")."""
    stripped = text.strip()
    return (_is_heading_like(text) and not _DIALOGUE.match(normalize(stripped))
            and len([cell for cell in stripped.split("\t") if cell.strip()]) < 2
            and not (_ends_in_colon(stripped) and len(_words(stripped)) >= LEAD_IN_MIN_WORDS))


# A date of something else than the page, labelled: "تاريخ الميلاد: 14 مارس 1998", "موعد المباراة: ...".
_OTHER_DATE_LABEL = re.compile(r"^(?:تاريخ|موعد|مواليد|يوم)\s+(?!النشر|التحديث|الاضافه)\S+(?:\s+\S+)?\s*[:：]")
# A row of a list of values: "الطول: 1.86 م", "القدس: 35 - 45 ملم", "216.8 مليار ريال صادرات وطنية".
_LIST_ROW = re.compile(r"^\s*(?:[^:：\d\s][^:：\d]{0,29}[:：]\s*\S|[\d٠-٩][\d٠-٩.,٫]*\s*[%٪]?\s+[^\W\d_])")
LIST_ROWS_UNDER_HEADING = 2


def _heads_rows(raw: list[str], kinds: list[str], k: int, end: int) -> bool:
    rows = [m for m in range(k + 1, end) if kinds[m] != "blank"][:LIST_ROWS_UNDER_HEADING]
    return len(rows) == LIST_ROWS_UNDER_HEADING and all(
        kinds[m] == "text" and _LIST_ROW.match(raw[m]) and not _SENTENCE_END.search(raw[m].strip()[-1:])
        for m in rows)


def _ends_in_colon(text: str) -> bool:
    return text.rstrip().endswith((":", "："))


def _announces_list(text: str, following: str) -> bool:
    """A sentence that ends in a colon over a list's first item ("وجاءت الأسعار الجديدة على النحو التالي:")
    is the paragraph that opens the list; a subheading is not followed by a bulleted item."""
    return _ends_in_colon(text) and bool(_BULLET.match(following.strip()))


def _is_listed_headline(text: str) -> bool:
    """A list item or a time-stamped line that reads as a headline: short, with no sentence end."""
    stripped = to_ascii_digits(text.strip())
    listed = _BULLET.match(stripped) or re.match(r"^\d{1,2}:\d{2}\s", stripped)
    return bool(listed) and len(_words(stripped)) <= 20 and not _SENTENCE_END.search(
        re.sub(r"\d[.:]\d", "", stripped).rstrip())


def _is_title_like(text: str) -> bool:
    stripped = _MD_HEADING.sub("", text.strip())
    words = _words(stripped)
    if not words or len(words) > TITLE_MAX_WORDS or _BULLET.match(stripped):
        return False
    # (Decimals end no sentence, nor does an ellipsis inside a headline: "عن الجنوب... والدولة".)
    if len(_SENTENCE_END.findall(re.sub(r"\.{2,}", "…", re.sub(r"\d[.٫]\d", "", stripped)))) > 2:
        return False
    return not re.search(r"[.…،,؛;:]\s*[\"”»']?\s*$", stripped)


# --- Classification with context -----------------------------------------------------------------

@dataclass
class _Classified:
    lines: list[Line]
    facts: list[_Facts]
    starts: list[tuple[int, str]]  # (index of a second article's first line, why)


def _split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n")
    if parts and parts[-1] == "" and len(parts) > 1:
        parts.pop()
    return parts


def _classify(text: str) -> _Classified:
    raw = _split_lines(text)
    facts = [line_facts(t) for t in raw]
    kinds = [f.kind for f in facts]
    reasons = [f.reason for f in facts]
    starts: list[tuple[int, str]] = []

    def next_nonblank(i: int) -> int | None:
        for j in range(i + 1, len(raw)):
            if kinds[j] != "blank":
                return j
        return None

    def prev_nonblank(i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if kinds[j] != "blank":
                return j
        return None

    _mark_closed_blocks(raw, kinds, reasons, facts)
    _mark_masthead_named_like_section(raw, kinds, reasons, facts)
    _mark_menus(raw, kinds, reasons, facts)
    _mark_polls(raw, kinds, reasons)
    _mark_pasted_posts(raw, kinds, reasons)
    _mark_machine_summaries(raw, kinds, reasons)
    _mark_promo_boxes(raw, kinds, reasons)
    _mark_galleries(raw, kinds, reasons)
    _mark_masthead_named_in_footer(raw, kinds, reasons, facts)
    _mark_player_times(raw, kinds, reasons)

    # Photo captions: the single short sentence right after a credit line describes the photo, unless the
    # line above the credit is the caption ("سد الملك طلال في جرش (أرشيفية)" / "تصوير: ...") or the line
    # after reports what someone said ("وبين سلامة أن ..."): a caption reports nothing.
    for i, fact in enumerate(facts):
        if fact.reason == "photo credit":
            above, j = prev_nonblank(i), next_nonblank(i)
            if above is not None and reasons[above] == _ARCHIVE_CAPTION:
                continue
            if (j is not None and kinds[j] == "text" and len(_words(raw[j])) <= 30
                    and len(_SENTENCE_END.findall(raw[j].strip().rstrip(".!؟?…"))) == 0
                    and not re.search("[\"“”«»:]", raw[j]) and not _REPORTED.search(normalize(raw[j]))):
                kinds[j], reasons[j] = "boilerplate", "photo caption (after a credit line)"

    # A link right under a 'follow us' prompt is the prompt's, not the article's address; under a 'share'
    # button, one that is no social network's is the article's own, for the reader to copy.
    for i, fact in enumerate(facts):
        if fact.reason == "share/subscribe/comment prompt":
            j = next_nonblank(i)
            if j is not None and facts[j].field == "url" and not (
                    _SHARE_PROMPT.match(_core(raw[i])) and not _SOCIAL_HOST.search(facts[j].value or "")):
                kinds[j], reasons[j] = "boilerplate", "link of a share/follow prompt"
                facts[j] = _Facts("boilerplate", "link of a share/follow prompt")

    seen_body = False
    words_seen = 0  # words of text so far: a headline alone is no article yet
    ended = False  # furniture that only follows an article's end has been seen since the last body line
    end_what = ""
    i = 0
    while i < len(raw):
        fact = facts[i]
        if kinds[i] == "text":
            if ended and seen_body and _CONTINUATION.match(_core(raw[i])):
                ended = False  # "وكان ..." goes on with the article: what ended it was a box inside it
            if ended and seen_body:
                body_lines, body_words = _substance(raw, kinds, i)
                if body_lines >= SECOND_ARTICLE_MIN_BODY_LINES or body_words >= SECOND_ARTICLE_MIN_WORDS:
                    starts.append((i, f"a second article pasted after the first one's end ({end_what})"))
                    ended = False
                elif _is_listed_headline(raw[i]):
                    # "- 10:05 بوتين يلتقي ..." under the article's end: the site's list of its other stories.
                    kinds[i], reasons[i] = "boilerplate", "another story's headline, listed after the article's end"
                    i += 1
                    continue
                elif _is_heading_like(raw[i]) and (next_nonblank(i) is None or kinds[next_nonblank(i)] != "text"):
                    # "اليوم السابع Trending" between the tags and 'most read': no text of its own follows.
                    kinds[i], reasons[i] = "boilerplate", "short line among the furniture after the article's end"
                    i += 1
                    continue
            seen_body = True
            words_seen += len(_words(raw[i]))
            i += 1
            continue
        if fact.end_signal and seen_body and not ended:
            ended, end_what = True, f"line {i + 1}: {fact.reason}"
        if _SEPARATOR_LINE.fullmatch(raw[i].strip()) and words_seen >= SECOND_ARTICLE_MIN_WORDS // 2:
            # A line of dashes the user put between two articles pasted into one file: the next one starts
            # under it, with its own headline, outlet and address.
            nxt = next_nonblank(i)
            if nxt is not None and max(_substance(raw, kinds, nxt)[1],
                                       _substance(raw, kinds, next_nonblank(nxt) or nxt)[1]) >= SECOND_ARTICLE_MIN_WORDS:
                kinds[i], reasons[i] = "boilerplate", "separator line between two pasted articles"
                starts.append((nxt, f"{_SEPARATED} (line {i + 1})"))
                ended, seen_body, words_seen = False, False, 0
                i = nxt
                continue
        masthead = _masthead_start(raw, kinds, facts, i) if words_seen >= SECOND_ARTICLE_MIN_WORDS // 2 else None
        if masthead is not None:
            starts.append((i, f"a second article: its dateline or date (line {i + 1}) and its title (line "
                              f"{masthead + 1}) follow the first one's text"))
            ended, seen_body, words_seen = False, False, 0
            i = masthead
            continue
        # ("3 تعليقات" over the thread, below the article's end or over a name and a date: above or inside
        # the text it only counts.)
        counted = _COMMENT_COUNT.fullmatch(to_ascii_digits(_core(raw[i]))) and (ended or _thread_below(raw, facts, i))
        if (fact.marker == "comments" or counted) and words_seen >= SECOND_ARTICLE_MIN_WORDS // 2:
            # Readers' comments and the comment form, up to the page's own furniture (copyright, tags). Only
            # below the article: a toolbar's "تعليقات" above it must not take the article with it.
            if not ended:
                ended, end_what = True, f"line {i + 1}: {fact.reason}"
            j = i + 1
            while j < len(raw) and not (kinds[j] != "blank" and facts[j].end_signal):
                if kinds[j] != "blank":
                    kinds[j], reasons[j] = "boilerplate", f"readers' comments (under line {i + 1})"
                j += 1
            i = j
            continue
        if fact.marker == "block_end":
            ended = False  # a box inside the article is over; the article goes on below it
            i += 1
            continue
        if fact.marker and fact.marker != "comments":
            # The block of headlines under 'read also' / 'related': link lines until a paragraph starts.
            links: list[int] = []
            between: list[int] = []  # a list's numbers, its screen-reader labels, each headline's date
            j = i + 1
            # 'اقرأ أيضا: <headline>' carries its one link on the marker line itself.
            links_done = fact.marker == "read_also" and len(_words(_core(raw[i]))) > 3
            while not links_done and j < len(raw):
                if kinds[j] == "blank":
                    j += 1
                    continue
                nxt_line = next_nonblank(j)
                # (Longer, if a blank line parts it from the link and its paragraph follows it at once.)
                parted = kinds[j - 1] == "blank" and nxt_line == j + 1
                if (fact.marker == "read_also" and links and kinds[j] == "text"
                        and len(_words(raw[j])) <= (HEADING_MAX_WORDS if parted else READ_ALSO_SUBHEADING_MAX_WORDS)
                        and nxt_line is not None
                        and kinds[nxt_line] == "text" and (not _is_link_like(raw[nxt_line])
                                                           or _NUMBERED_ITEM.match(raw[nxt_line]))):
                    # The article's subheading over its next paragraph or its numbered list ("ترتيب الخمسة
                    # الأوائل" / "1 - القادسية: 25 نقطة"), not a second linked story.
                    break
                if kinds[j] == "text" and _is_link_like(raw[j]) or facts[j].reason == "outlet name line" and (
                        _next_is_link(raw, kinds, j)):
                    # (A tag may be the site's own name: "الوسوم" / "الشرق" / "وفيات".)
                    links.append(j)
                    j += 1
                    continue
                if kinds[j] != "text" and (facts[j].field == "published" or facts[j].reason in _LIST_FURNITURE):
                    between.append(j)
                    j += 1
                    continue
                break
            if links:
                # (A date among the links is a linked story's, never the article's.)
                between = [k for k in between if k < links[-1]]
                for k in between:
                    kinds[k], reasons[k] = "boilerplate", f"furniture of the list under '{raw[i].strip()[:30]}'"
                    facts[k] = _Facts("boilerplate", reasons[k])
            nxt = j if j < len(raw) and kinds[j] == "text" else None
            if nxt is not None and _CONTINUATION.match(_core(raw[nxt])):
                ended, nxt = False, None  # a box of links inside the article, which goes on below it
            if nxt is not None and links and (ended or fact.marker == "related") and seen_body:
                body_lines, body_words = _substance(raw, kinds, nxt)
                if body_lines >= SECOND_ARTICLE_MIN_BODY_LINES or body_words >= SECOND_ARTICLE_MIN_WORDS:
                    # The last headline of the block is the pasted article's own title.
                    title = links.pop()
                    why = f"a second article pasted below '{raw[i].strip()[:40]}' (line {i + 1})"
                    if ended:
                        why += f" after the first one's end ({end_what})"
                    starts.append((title, why))
                    ended = False
                    for k in links:
                        kinds[k], reasons[k] = "boilerplate", f"link under '{raw[i].strip()[:30]}' (line {i + 1})"
                    i = title
                    seen_body = False
                    continue
            for k in links:
                kinds[k], reasons[k] = "boilerplate", f"link under '{raw[i].strip()[:30]}' (line {i + 1})"
            if fact.marker == "related" and links:
                ended, end_what = True, f"line {i + 1}: {fact.reason}"
            i = (links[-1] + 1) if links else i + 1
            continue
        i += 1

    _mark_headline_below_text(raw, kinds, reasons, starts)
    _mark_trailing_tags(raw, kinds, reasons)
    _mark_pull_quotes(raw, kinds, reasons)

    # Titles and headings, per article segment.
    bounds = [0] + [s for s, _ in starts] + [len(raw)]
    for a, b in zip(bounds, bounds[1:]):
        first_text = next((k for k in range(a, b) if kinds[k] == "text"), None)
        # The breadcrumb over a headline repeats a menu item above it ("الإمارات" under the menu's
        # "الإمارات"): the section the story is filed in, not its title.
        while first_text is not None and (crumb := _breadcrumb(raw, kinds, reasons, first_text, b)
                                          or _ticker(raw, kinds, reasons, first_text, b)
                                          or _quote_label(raw, reasons, first_text)):
            kinds[first_text], reasons[first_text] = "boilerplate", crumb
            first_text = next((k for k in range(first_text + 1, b) if kinds[k] == "text"), None)
        while (first_text is not None and (slashed := _SLASHED_BYLINE.fullmatch(raw[first_text].strip()))
               and is_place_name(slashed[1])):
            # "بغداد/ سيف عبد الله" over the text of a page whose headline the markup holds: the writer.
            kinds[first_text], reasons[first_text] = "meta", "byline: a place, a slash and a name"
            first_text = next((k for k in range(first_text + 1, b) if kinds[k] == "text"), None)
        if first_text is not None and _is_title_like(raw[first_text]):
            following = [k for k in range(first_text + 1, b) if kinds[k] == "text"]
            if following:
                kinds[first_text], reasons[first_text] = "title", "title: first text line, short, no final full stop"
                # A page that prints its headline twice (over the date and again over the text) is copied so.
                # (A line that ends in a full stop where the headline has none is the first sentence saying
                # what the headline says: "الحكومة تقر الموازنة العامة.")
                for k in following[:2]:
                    if _says_headline_again(raw[first_text], raw[k]):
                        kinds[k], reasons[k] = "boilerplate", f"the headline again (line {first_text + 1})"
        text_seen = 0  # body lines or subheadings of this segment seen so far
        # An interview prints its questions on lines of their own, each over its answer: text, not headings
        # (one question over a paragraph may be an explainer's subheading).
        questions = {k for k in range(a, b) if kinds[k] == "text" and _QUESTION_LINE.search(raw[k])}
        interview = len(questions) >= INTERVIEW_MIN_QUESTIONS
        # The line above ends in a colon: the short lines under it are what it announces ("وجاءت النتائج
        # كالتالي:" / "حزب الاستقلال" / "حزب الأحرار"), not subheadings.
        list_open = False
        for k in range(a, b):
            if kinds[k] != "text":
                continue
            nxt = next((m for m in range(k + 1, b) if kinds[m] not in ("blank",)), None)
            # (Under a standfirst, only a name right over a date or dateline: a list of names may end a text.)
            above = next((m for m in range(k - 1, first_text, -1) if kinds[m] != "blank"), None)
            if k > first_text and kinds[first_text] == "title" and (
                    (text_seen == 0 or text_seen == 1 and nxt is not None and kinds[nxt] == "meta")
                    and _names_over_furniture(raw, kinds, k, b)
                    # a name right under the headline's date line: "الأحد 23/فبراير/2025" / "الشرقية - أحمد الباسوسي"
                    or text_seen == 0 and above is not None and reasons[above] in _MASTHEAD
                    and _is_name_line(raw[k])):
                # "فرح عطيات", "إدلب – أنس الخولي" between the headline (and its standfirst) and a date or
                # dateline, or under its date: the writer.
                kinds[k], reasons[k] = "meta", "byline: a name between the headline and the text"
                continue
            if (text_seen == 0 and k > first_text and kinds[first_text] == "title" and above is not None
                    and kinds[above] != "text" and len(_words(raw[k])) <= LEAD_CAPTION_MAX_WORDS
                    and _reads_as_heading(raw[k]) and nxt is not None and kinds[nxt] == "text"):
                # A subheading heads a part of the text; over its first paragraph, under the date and the
                # share buttons, a few words are the lead photo's caption ("ثلوج في إفران", "المحكمة").
                kinds[k], reasons[k] = "boilerplate", "photo caption (a few words between the page's top and the text)"
                continue
            if not _BULLET.match(raw[k]):
                text_seen += 1  # (the highlights in bullets under a headline are no text begun)
            was_list_open = list_open
            list_open = _ends_in_colon(raw[k]) or list_open and _is_heading_like(raw[k])
            prev_text = next((m for m in range(k - 1, a - 1, -1) if kinds[m] not in ("blank",)), None)
            in_list = _LIST_ROW.match(raw[k]) and prev_text is not None and kinds[prev_text] == "body" and (
                _LIST_ROW.match(raw[prev_text]))
            if (_reads_as_heading(raw[k]) and nxt is not None and kinds[nxt] == "text" and not was_list_open
                    and not _reads_as_heading(raw[nxt]) and not _announces_list(raw[k], raw[nxt])
                    and not (interview and k in questions) and not in_list):
                kinds[k], reasons[k] = "heading", "heading: short line without final punctuation, text follows"
            elif (_reads_as_heading(raw[k]) and not was_list_open and not _LIST_ROW.match(raw[k])
                  and _heads_rows(raw, kinds, k, b)):
                # "بطاقة اللاعب" over "الاسم: ..." / "الطول: 1.86 م", "كميات الأمطار المتوقعة" over "القدس:
                # 35 - 45 ملم": a subheading over the rows of figures or labelled values it names.
                kinds[k], reasons[k] = "heading", "heading: short line over rows of labelled values or figures"
            elif _MD_HEADING.match(raw[k]) and len(_words(raw[k])) <= TITLE_MAX_WORDS:
                kinds[k], reasons[k] = "heading", "heading: markdown heading mark"
            else:
                kinds[k], reasons[k] = "body", "body: Arabic text"
    _mark_signature(raw, kinds, reasons, [s for s, _ in starts])
    _mark_question_headings(raw, kinds, reasons)
    _mark_author_box(raw, kinds, reasons, facts)
    _mark_photographer_captions(raw, kinds, reasons)
    _mark_social_embeds(raw, kinds, reasons)
    lines = [Line(number=n + 1, text=t, kind=("boilerplate" if k == "blank" else k), reason=r)
             for n, (t, k, r) in enumerate(zip(raw, kinds, reasons))]
    return _Classified(lines, facts, starts)


AUTHOR_BIO_MAX_WORDS = 30
SIGNED_PARAGRAPH_MIN_WORDS = 10


def _mark_signature(raw: list[str], kinds: list[str], reasons: list[str], starts: list[int]) -> None:
    """A name alone under an article's last paragraph, with no text after it, is its writer signing off
    ("سلمى الحاجي"); under a list or a short line it may be the list's last item."""
    bounds = [0] + starts + [len(raw)]
    for a, b in zip(bounds, bounds[1:]):
        texts = [k for k in range(a, b) if kinds[k] in ("body", "heading")]
        if len(texts) < 2:
            continue
        last, above = texts[-1], texts[-2]
        if (kinds[last] == "body" and _is_name_line(raw[last]) and 2 <= len(_words(raw[last])) <= 3
                and kinds[above] == "body" and len(_words(raw[above])) >= SIGNED_PARAGRAPH_MIN_WORDS
                and _TERMINAL.search(raw[above]) and not _BULLET.match(raw[above])
                and "title" not in kinds[last + 1:b]):
            kinds[last], reasons[last] = "meta", "byline: a name signed under the last paragraph"


def _mark_author_box(raw: list[str], kinds: list[str], reasons: list[str], facts: list[_Facts]) -> None:
    """Under the text, the byline's name again, then a line about the writer, is the writer's box: the name is
    the byline, the line under it ("صحفية في قسم المحليات، متخصصة في ...") is no part of the story."""
    names: set[str] = set()
    for k, reason in enumerate(reasons):
        if kinds[k] == "meta" and reason.startswith("byline"):
            value = facts[k].value if facts[k].field == "byline" and facts[k].value else raw[k]
            names.update(_core(part) for part in re.split(r"\s*[-–—/،,]\s*", value) if _is_name_line(part))
    names.discard("")
    if not names:
        return
    first_body = next((k for k in range(len(raw)) if kinds[k] == "body"), len(raw))
    for k in range(first_body + 1, len(raw)):
        if kinds[k] not in KEPT_KINDS or _core(raw[k]) not in names:
            continue
        kinds[k], reasons[k] = "meta", "byline: the writer's name again, in a box under the text"
        nxt = next((m for m in range(k + 1, len(raw)) if kinds[m] != "blank"), None)
        if (nxt is not None and kinds[nxt] in KEPT_KINDS and len(_words(raw[nxt])) <= AUTHOR_BIO_MAX_WORDS
                and len(_SENTENCE_END.findall(raw[nxt].strip().rstrip(".!؟?…"))) == 0):
            kinds[nxt], reasons[nxt] = "boilerplate", f"about the writer (the box under line {k + 1})"


CAPTION_MAX_WORDS = 12
# A caption that ends in its photographer's name in brackets, as Beirut's papers print one: "سمير نصر الله
# (هيثم الموسوي)". Two or three words of letters, none a section's name, the first without the article.
_PHOTOGRAPHER = re.compile(r"^(?P<caption>[^()\[\]]+?)\s*[(\[](?P<name>[^\W\d_]+(?: [^\W\d_]+){1,2})[)\]]\s*$")


def _mark_photographer_captions(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """Inside the text (below its first paragraph, never the headline), a short line with no sentence end
    whose brackets hold only a person's name is a photo's caption and credit; so is one over a credit line,
    the first paragraph's place included."""
    first_body = next((k for k in range(len(raw)) if kinds[k] == "body"), len(raw))
    for k in range(len(raw)):
        above = next((j for j in range(k - 1, -1, -1) if kinds[j] != "blank"), None)
        # The lead photo's stands between the byline or date and the text.
        lead_photo = k < first_body and above is not None and kinds[above] == "meta"
        # (Not a labelled line: "النتيجة: الكويت 2 - السالمية 1 (بعد التمديد)" is a match's score.)
        found = (_PHOTOGRAPHER.match(raw[k].strip()) if kinds[k] in ("heading", "body")
                 and (k > first_body or lead_photo) and not _LABELLED_LINE.match(raw[k]) else None)
        if (found and len(_words(raw[k])) <= CAPTION_MAX_WORDS and not _SENTENCE_END.search(found["caption"])
                and not any(_is_section_word(w) for w in _core(found["name"]).split())
                and not _core(found["name"]).startswith("ال")  # "(الانسحاب الكامل)" is a topic, not a name
                and not _REPORTED.search(normalize(found["caption"]))):
            kinds[k], reasons[k] = "boilerplate", "photo caption (a photographer's name in brackets)"
        elif (k >= first_body and kinds[k] in ("heading", "body") and k + 1 < len(raw)
              and reasons[k + 1] == "photo credit"
              and len(_words(raw[k])) <= CAPTION_MAX_WORDS and not _SENTENCE_END.search(raw[k])
              and not _REPORTED.search(normalize(raw[k]))):
            # "سحب ركامية تتشكل فوق جبال الحجر" / "تصوير: عمران شاهد": the photo's caption over its credit
            # (the lead photo's too, over the first paragraph).
            kinds[k], reasons[k] = "boilerplate", "photo caption (over its credit line)"


# What a page prints under a social network's post it embeds: "منشور على فيسبوك", "View this post on Instagram".
_EMBED_MARKER = re.compile(r"^(?:منشور|تغريده|فيديو) (?:علي|عبر) (?:فيسبوك|فيس بوك|انستغرام|انستجرام|اكس|تويتر|تيك توك)$|"
                           r"^(?:a post shared by|view this post on instagram|post on (?:facebook|x))\b")
EMBED_MAX_LINES = 5


def _mark_social_embeds(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """A social network's post embedded in the page: its marker line and, above it back to a blank line,
    the account's name (a short unpunctuated line) and the post's text and hashtags. A select-all copies
    them between the article's paragraphs; they are the page's, not the report's."""
    for k in range(len(raw)):
        if kinds[k] not in ("heading", "body") or not _EMBED_MARKER.match(_core(raw[k])):
            continue
        start = k
        while start > 0 and kinds[start - 1] != "blank" and k - start < EMBED_MAX_LINES:
            start -= 1
        block = range(start, k)
        if not block or start == 0 or kinds[start - 1] != "blank" or not _is_heading_like(raw[start]):
            kinds[k], reasons[k] = "boilerplate", "social post embed marker"
            continue
        for m in [*block, k]:
            kinds[m], reasons[m] = "boilerplate", f"social network post embedded in the page (marker on line {k + 1})"


_LABELLED_LINE = re.compile(r"^\s*[^\W\d_]+(?: [^\W\d_]+)?\s*[:：]\s")
_MASTHEAD = ("dateline (place and outlet)", "publication date line", "byline or date line (short, dated, no sentence)")


def _masthead_start(raw: list[str], kinds: list[str], facts: list[_Facts], i: int) -> int | None:
    """Below an article's text, a dateline or date, then a title over a body, starts a second article pasted
    without an end between them; returns the title's index, else None."""
    if facts[i].reason not in _MASTHEAD:
        return None
    found = [facts[i].reason]
    j = i + 1
    while j < len(raw) and kinds[j] != "text":
        if kinds[j] != "blank":
            if facts[j].reason not in _MASTHEAD and facts[j].field not in ("byline", "outlet"):
                return None  # other furniture between: not a masthead
            found.append(facts[j].reason)
        j += 1
    # A lone unlabelled date (a live blog's entries, a timeline) is no masthead.
    if len(found) < 2 and found[0] == _MASTHEAD[2]:
        return None
    if j >= len(raw) or not _is_title_like(raw[j]):
        return None
    body_lines, body_words = _substance(raw, kinds, j + 1)
    return j if body_lines >= SECOND_ARTICLE_MIN_BODY_LINES or body_words >= SECOND_ARTICLE_MIN_WORDS else None


# A rule of eight or more dashes, equals signs, underscores or stars (a scene break inside a story is
# shorter: "* * *").
_SEPARATED = "a second article pasted under a separator line"
_SEPARATOR_LINE = re.compile(r"(?:[-–—_=*~]\s?){8,}")


def _substance(raw: list[str], kinds: list[str], start: int) -> tuple[int, int]:
    """Body lines and words of running text from `start` up to the next furniture that ends an article."""
    lines = words = 0
    for k in range(start, len(raw)):
        if kinds[k] in ("blank",):
            continue
        if kinds[k] != "text":
            fact = line_facts(raw[k])
            if fact.end_signal or fact.marker:
                break
            continue
        if not _is_link_like(raw[k]) or len(_words(raw[k])) > HEADING_MAX_WORDS:
            lines += 1
            words += len(_words(raw[k]))
    return lines, words


# What may stand between the headlines of a list of links: their numbers, a screen reader's "list 1 of 3".
_LIST_FURNITURE = ("lone symbols or numbers, no words", "page control, advert or comment form",
                   "relative time ('3 hours ago')", _TIME_REASON)
_BLOCK_SCAN_LINES = 80  # how far above its end a marked block's start is looked for


# Under an inline 'read also' and its link, a line this short over a paragraph is the article's subheading
# ("تحديات أمام الحكومة"): a linked story's headline is longer.
READ_ALSO_SUBHEADING_MAX_WORDS = 4


def _mark_closed_blocks(raw: list[str], kinds: list[str], reasons: list[str], facts: list[_Facts]) -> None:
    """A block a page opens and closes by name ("قصص مقترحة" ... "نهاية قصص مقترحة", "تخطى تويتر مشاركة, 1"
    ... "نهاية تويتر مشاركة, 1"): every line in it is the block's, not the article's. Only a block whose
    name is the furniture's: an article's own subheadings may read "الهدنة" ... "نهاية الهدنة"."""
    for end in range(len(raw)):
        found = _BLOCK_END.match(_core(raw[end])) if kinds[end] != "blank" else None
        if not found or len(_words(found.group(1))) > 6:
            continue
        name = found.group(1)
        if not (_RELATED.match(name) or _TAGS.match(name + ":") or _EMBED_EDGE.match(_core(raw[end]))):
            continue
        openings = (name, f"تخطي {name}", f"skip {name}")
        start = next((k for k in range(end - 1, max(-1, end - _BLOCK_SCAN_LINES), -1)
                      if _core(raw[k]) in openings), None)
        if start is None:
            continue
        for k in range(start, end + 1):
            if kinds[k] != "blank":
                kinds[k], reasons[k] = "boilerplate", f"in the block '{name[:30]}' (lines {start + 1}-{end + 1})"
                facts[k] = _Facts("boilerplate", reasons[k])
        facts[end] = _Facts("boilerplate", reasons[end], marker="block_end")


def _mark_masthead_named_like_section(raw: list[str], kinds: list[str], reasons: list[str],
                                     facts: list[_Facts]) -> None:
    """A page's first line that is a paper's name and a section's ("الأخبار", Beirut's Al Akhbar) is the
    masthead a select-all copies first, where no other line names the site; the menu starts below it."""
    first = next((k for k in range(len(raw)) if kinds[k] != "blank"), None)
    if first is None or reasons[first] != "section name or breadcrumb":
        return
    if any(fact.field in ("outlet", "site") for fact in facts):
        return  # (a menu that starts with its news section, on a page that names its site elsewhere)
    name = raw[first].strip(" .:-–—|")
    # (A paper named like the opinion section, "الرأي", is told from it by the writer's line: see
    # _name_paper_named_like_a_section.)
    if _core(name) in _OUTLETS and _core(name) not in _PAPERS_NAMED_OPINION:
        facts[first] = _Facts("meta", "outlet name line", "outlet", name)
        kinds[first], reasons[first] = "meta", facts[first].reason


MENU_MIN_LINES = 3
MENU_MAX_WORDS = 3
# A run this long of short lines over the text is a menu with fewer known section names among its items: its
# countries and sister sites ("كوردستان", "العراق", "ثروات") are no vocabulary, and no article opens so.
MENU_LONG_LINES = 6


def _mark_menus(raw: list[str], kinds: list[str], reasons: list[str], facts: list[_Facts]) -> None:
    """Above the article, a run of short lines that are mostly section names is the site's menu: its other
    items ("تركيا", "صوت وصورة", "بث مباشر") are menu items too, not the headline; but a short headline
    pasted right under the menu, over the first paragraph, is the article's."""
    # (The ".." a headline joins its halves with ends no sentence: "حريق هائل بمصنع.. والدفع بـ12 سيارة".)
    first_prose = next((k for k in range(len(raw)) if kinds[k] == "text" and _SINGLE_SENTENCE_END.search(raw[k])
                        and len(_words(raw[k])) > HEADING_MAX_WORDS), len(raw))
    k = 0
    while k < first_prose:
        run = []
        while (k < first_prose and kinds[k] != "blank" and len(_words(raw[k])) <= MENU_MAX_WORDS
               and not re.search(r"[\d٠-٩.:؟?!،,]", raw[k])):
            run.append(k)
            k += 1
        sections = [m for m in run if reasons[m] == "section name or breadcrumb"]
        # The masthead and the buttons in the run ("كووورة", "تسجيل الدخول") say it is the page's top too.
        furniture = [m for m in run if kinds[m] in ("boilerplate", "meta") and m not in sections]
        if (len(run) >= MENU_MIN_LINES and 2 * len(sections) >= len(run)
                or len(run) >= MENU_LONG_LINES and sections and 3 * (len(sections) + len(furniture)) >= len(run)):
            # The headline is the run's last line of text when only a blank, a date or a byline stands
            # between it and the first paragraph ("زلزال يضرب تركيا" / "الأحد 14 يوليو 2024" / text).
            headline = None
            if all(kinds[m] != "text" for m in range(k, first_prose)):
                headline = next((m for m in reversed(run) if kinds[m] == "text" or m in sections), None)
                headline = None if headline in sections else headline
            # The page's first line over its menu, no section's name, is the site's masthead ("روداو").
            # (Buttons may stand above it: "القائمة", "بحث".)
            masthead = next((m for m in run if kinds[m] == "text" or reasons[m] == "outlet name line"), None)
            if masthead is not None and (not sections or masthead > sections[0] or masthead == headline
                                         or any(kinds[m] in ("text", "meta") for m in range(masthead))):
                masthead = None
            if masthead is not None and kinds[masthead] == "text":
                name = raw[masthead].strip(" .:-–—|")
                facts[masthead] = _Facts("meta", "outlet name line", "outlet", name)
                kinds[masthead], reasons[masthead] = "meta", facts[masthead].reason
            for m in run:
                # (A section named like a paper, inside the menu, is the menu's: Sky News Arabia's
                # "الشرق الأوسط" is the Middle East, not Asharq Al-Awsat.)
                named_like_outlet = (reasons[m] == "outlet name line" and m != masthead
                                     and m - 1 in run and m + 1 in run)
                if kinds[m] == "text" and m != headline and m != masthead or named_like_outlet:
                    kinds[m], reasons[m] = "boilerplate", "menu item (among section names)"
                    facts[m] = _Facts("boilerplate", reasons[m])
        k += 1


TAGS_MAX_WORDS = 4
# A paragraph that announces a list ("... وهم." , "على النحو التالي."): the short lines under it are the list.
_LIST_INTRO = re.compile(r"(?<!\w)(التالي|التاليه|كالتالي|الاتي|الاتيه|يلي|وهم|وهي|هم|هي|ابرزها|ومنها|منها|بينها|"
                         r"تضم|وتضم|ضمت|شملت|تشمل|وتشمل)(?:\s+\S+){0,2}\s*$")


_MENU_REASONS = ("menu item (among section names)", "section name or breadcrumb")
CRUMB_MAX_WORDS = 3
CRUMB_TRAIL_LINES = 3


_TICKER_LABELS = frozenset({"عاجل", "اخبار عاجله", "الان", "breaking", "breaking news"})


_TICKER_ITEM = re.compile(r"^\s*(?:[0-9٠-٩]{1,2}:[0-9٠-٩]{2}|[-–•])\s*\S")


def _ticker(raw: list[str], kinds: list[str], reasons: list[str], i: int, end: int) -> str | None:
    """Why line `i`, the first text line, is a breaking-news ticker's item, or None: it stands right under
    a lone "عاجل", with the page's furniture, then another headline, under it; or it is one of two or more
    items, each led by its time or a dash, that run under the label."""
    label = i - 1
    while label >= 0 and reasons[label].startswith("breaking-news ticker"):
        label -= 1
    if label < 0 or kinds[label] != "boilerplate" or " ".join(normalize(raw[label]).split()) not in _TICKER_LABELS:
        return None
    run = list(itertools.takewhile(lambda k: _TICKER_ITEM.match(raw[k]) and len(_words(raw[k])) <= 20,
                                   range(label + 1, end)))
    if len(run) >= 2 and i in run:
        return f"breaking-news ticker under '{raw[label].strip()}' (line {label + 1})"
    if label != i - 1:
        return None
    below = [k for k in range(i + 1, end) if kinds[k] != "blank"]
    if not below or kinds[below[0]] == "text":
        return None
    headline = next((k for k in below if kinds[k] == "text"), None)
    if headline is None or not _is_title_like(raw[headline]):
        return None
    return f"breaking-news ticker under '{raw[i - 1].strip()}' (line {i})"


def _quote_label(raw: list[str], reasons: list[str], i: int) -> str | None:
    """Why line `i`, the first text line, is a market quote's label, or None: a word or two ("تاسي", an index
    or a share) with its price right under it, a line of figures alone."""
    below = i + 1
    if (len(_words(raw[i])) <= 3 and below < len(raw) and reasons[below] == "lone symbols or numbers, no words"
            and re.search(r"[0-9٠-٩]", raw[below])):
        return "market quote's label (a figure alone under it)"
    return None


def _breadcrumb(raw: list[str], kinds: list[str], reasons: list[str], i: int, end: int) -> str | None:
    """Why line `i`, the first text line over a headline, is a breadcrumb, or None: it repeats a menu item
    above it, or it is a word or two right under the page's furniture (a section name, a button, another
    crumb) with a headline under it (the sub-section: "رياضة" / "محلية" / the headline)."""
    words = _words(raw[i])
    if not words or len(words) > CRUMB_MAX_WORDS:
        return None
    form = " ".join(normalize(raw[i]).split())
    item = next((k for k in range(i - 1, -1, -1) if kinds[k] == "boilerplate" and reasons[k] in _MENU_REASONS
                 and " ".join(normalize(raw[k]).split()) == form), None)
    if item is not None:
        return f"breadcrumb: the menu's item on line {item + 1}"
    above = next((k for k in range(i - 1, -1, -1) if kinds[k] != "blank"), None)
    # The headline under it, past the trail's other crumbs ("الدوري السعودي" / "روشن" / the headline).
    trail = [k for k in range(i + 1, end) if kinds[k] != "blank"][:CRUMB_TRAIL_LINES]
    below = next((k for k in trail if len(_words(raw[k])) > 2), None)
    if below is not None and any(kinds[k] != "text" for k in trail[:trail.index(below)]):
        below = None
    if (len(words) <= 2 and above is not None and kinds[above] == "boilerplate" and below is not None
            and kinds[below] == "text" and _is_title_like(raw[below]) and len(_words(raw[below])) >= 4):
        return f"breadcrumb: a section under '{raw[above].strip()[:30]}' (line {above + 1})"
    return None


def _says_headline_again(headline: str, line: str) -> bool:
    """Whether `line` is `headline` printed again: the same words and the same final mark (with a full stop
    where the headline has none it is the first sentence saying the same: "الحكومة تقر الموازنة العامة.")."""
    def ends_sentence(text: str) -> bool:
        return bool(_SENTENCE_END.search(text.strip()[-1:]))
    return _core(line) == _core(headline) and ends_sentence(line) == ends_sentence(headline)


def _mark_headline_below_text(raw: list[str], kinds: list[str], reasons: list[str],
                              starts: list[tuple[int, str]]) -> None:
    """The headline printed again under the article's text (over its share box or its tags) is furniture; a
    sentence that says the same with a full stop where the headline has none is not."""
    bounds = [0] + [s for s, _ in starts] + [len(raw)]
    for a, b in zip(bounds, bounds[1:]):
        texts = [k for k in range(a, b) if kinds[k] == "text"]
        if len(texts) < 3 or not _is_title_like(raw[texts[0]]):
            continue
        prose = next((k for k in texts[1:] if not _is_title_like(raw[k])), None)
        for k in texts:
            if prose is not None and k > prose and _says_headline_again(raw[texts[0]], raw[k]):
                kinds[k], reasons[k] = "boilerplate", f"the headline again, under the text (line {texts[0] + 1})"


_HEADLINE_AGAIN = "the headline again"


_POLL_HEADER = frozenset({"استطلاع", "استطلاع الراي", "استطلاع راي", "شارك في الاستطلاع", "استفتاء", "poll"})
_POLL_BUTTON = frozenset({"صوت", "صوت الان", "التصويت", "تصويت", "vote"})
_POLL_RESULTS = frozenset({"النتايج", "عرض النتايج", "نتايج الاستطلاع", "results"})
POLL_MAX_LINES = 10


def _mark_polls(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """A readers' poll: its header, the question, the answers and the vote button (and a results link); the
    answers under a "was this useful?" prompt."""
    for i, line in enumerate(raw):
        if _FEEDBACK_PROMPT.fullmatch(_core(line)):
            for j in [j for j in range(i + 1, len(raw)) if kinds[j] != "blank"][:2]:
                if _core(raw[j]).lower() in ("نعم", "لا", "yes", "no"):
                    kinds[j], reasons[j] = "boilerplate", f"readers' feedback buttons (line {i + 1})"

        if kinds[i] == "blank" or _core(line) not in _POLL_HEADER:
            continue
        lines = [j for j in range(i + 1, len(raw)) if kinds[j] != "blank"][:POLL_MAX_LINES]
        button = next((j for j in lines if _core(raw[j]) in _POLL_BUTTON), None)
        if button is None:
            continue
        after = next((j for j in range(button + 1, len(raw)) if kinds[j] != "blank"), None)
        last = after if after is not None and _core(raw[after]) in _POLL_RESULTS else button
        for j in range(i, last + 1):
            if kinds[j] != "blank":
                kinds[j], reasons[j] = "boilerplate", f"readers' poll (line {i + 1})"


# How a post embedded in a page reads when pasted: its text (with its links or hashtags), then its signature
# "— وزارة الصحة (@mohpegypt) February 16, 2025".
_POST_SIGNATURE = re.compile(r"^[—–\-]\s*.{1,80}\(@\w{2,}\)\s+.{0,30}\d{4}\s*$")
_POST_LINK = re.compile(r"pic\.twitter\.com/|https?://t\.co/|#\w")
_MACHINE_SUMMARY = re.compile(r"^(?:ال)?(?:ملخص|تلخيص)\b.{0,30}(?:الذكاء الاصطناعي|\bai\b)")


def _mark_pasted_posts(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """An embedded post pasted with the text: its signature line, and its text right above it."""
    for i, line in enumerate(raw):
        if kinds[i] == "blank" or not _POST_SIGNATURE.match(line.strip()):
            continue
        kinds[i], reasons[i] = "boilerplate", "embedded post's signature (account and date)"
        above = next((j for j in range(i - 1, -1, -1) if kinds[j] != "blank"), None)
        if above is not None and kinds[above] == "text" and _POST_LINK.search(raw[above]):
            kinds[above], reasons[above] = "boilerplate", f"embedded post's text (over its signature, line {i + 1})"


# The header of a box that sells something inside a page: an advertiser's ("محتوى مدعوم", "برعاية"), the
# site's own subscription ("هذا المحتوى حصري لمشتركي ...", "أكمل قراءة هذا المقال"), its newsletter, a
# financial site's quote box of the companies a story names. Normalised spelling.
_PROMO_BOX = re.compile(
    r"^(?:محتوي (?:مدعوم|ممول|برعايه|اعلاني|ترويجي)|اعلان ممول|برعايه|sponsored(?: content)?|"
    r"(?:هذا )?(?:المحتوي|المقال|الخبر|التقرير|التحليل) (?:حصري|متاح|مخصص)(?: فقط)? (?:ل|لل)مشترك\S*|"
    r"(?:اكمل|اكملوا|تابع|واصل) قراءه (?:هذا )?(?:المقال|الخبر|التقرير|الماده)|"
    r"اشترك(?: الان)? (?:للوصول|لقراءه|للاطلاع|لمتابعه|واحصل)|لديك حساب\s*[؟?]|"
    r"اشترك في (?:ال)?نشره\S* (?:ال)?(?:بريديه|اخباريه)|"
    r"(?:الشركات|الاسهم) (?:المذكوره|الوارده) في (?:الخبر|المقال)|"
    # Widgets: a podcast's episode and its player, the day's prayer times, the weather.
    r"(?:بودكاست|podcast)(?: \S+){0,3}$|مواقيت الصلاه(?:\s*[-–:：]\s*\S+(?: \S+)?)?$|(?:حاله )?الطقس(?: اليوم| الان)?$)")
PROMO_BOX_MAX_LINES = 6  # a box is short: a longer run under such a header is the text going on


def _mark_promo_boxes(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """A box that sells (a sponsor's offer, a subscription or newsletter form, a quote box): its header and
    the lines under it down to the next blank line, and a sponsor's credit ("برعاية") closing it."""
    for i, line in enumerate(raw):
        if kinds[i] in ("blank", "meta") or not _PROMO_BOX.match(_core(line)):
            continue
        end = next((j for j in range(i + 1, len(raw)) if kinds[j] == "blank"), len(raw))
        if end - i > PROMO_BOX_MAX_LINES:
            end = i + 1  # the header alone
        for j in range(i, end):
            kinds[j], reasons[j] = "boilerplate", f"sponsored, subscription, quote or widget box (line {i + 1})"


_GALLERY_COUNTER = re.compile(r"[0-9٠-٩]{1,3}\s*/\s*[0-9٠-٩]{1,3}")
_GALLERY_HEADER = re.compile(r"^(?:شاهد|بالصور|صور|البوم الصور|معرض الصور|فيديو)\s*(?:[|:：]|$)")
GALLERY_CAPTION_MAX_WORDS = 15


def _mark_galleries(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """A photo gallery copied with its counters ("1 / 6"): the short line beside each counter is a picture's
    caption, and a "شاهد | صور ..." line over the first one is the gallery's header."""
    counters = [k for k in range(len(raw)) if _GALLERY_COUNTER.fullmatch(to_ascii_digits(raw[k].strip()))]
    if len(counters) < 2:
        return
    for k in counters:
        for j in (k - 1, k + 1):
            if (0 <= j < len(raw) and kinds[j] == "text" and len(_words(raw[j])) <= GALLERY_CAPTION_MAX_WORDS
                    and not _SENTENCE_END.search(raw[j].strip()[-1:])):
                caption = j == k - 1 and j == counters[0] - 1 and _GALLERY_HEADER.match(_core(raw[j]))
                kinds[j], reasons[j] = "boilerplate", ("photo gallery's header" if caption
                                                       else f"photo gallery's caption (beside line {k + 1})")


# "جميع الحقوق محفوظة لصحيفة أثير الإلكترونية © 2025": the site's name, after the kind of publication.
_RIGHTS_HOLDER = re.compile(r"(?:محفوظه|محفوظ)\s+(?:ل|لـ|ل\s)\s*(?:صحيفه|جريده|موقع|مجله|شبكه|وكاله|قناه|مؤسسه)?\s*"
                            r"([^©\d]{2,40}?)\s*(?:الالكترونيه|الالكتروني|الاخباريه|الاخباري|للانباء)?\s*(?:©|\d|$)")
MASTHEAD_SEARCH_LINES = 12  # the top of the page, where a masthead stands among the menu


def _mark_masthead_named_in_footer(raw: list[str], kinds: list[str], reasons: list[str], facts: list[_Facts]) -> None:
    """A line at the top of the page that is the name the footer's copyright gives the site ("أثير" over
    "جميع الحقوق محفوظة لصحيفة أثير الإلكترونية"): the masthead, however the menu round it reads."""
    if any(fact.field == "outlet" for fact in facts):
        return
    holder = next((found.group(1).strip() for k in range(len(raw) - 1, -1, -1)
                   if "copyright" in reasons[k] and (found := _RIGHTS_HOLDER.search(_core(raw[k])))), None)
    if not holder:
        return
    for k in range(min(len(raw), MASTHEAD_SEARCH_LINES)):
        if kinds[k] == "boilerplate" and _core(raw[k]).strip(" .:-–—|") == holder:
            facts[k] = _Facts("meta", "outlet name line", "outlet", raw[k].strip(" .:-–—|"))
            kinds[k], reasons[k] = "meta", facts[k].reason
            return


def _thread_below(raw: list[str], facts: list[_Facts], i: int) -> bool:
    """Whether readers' comments start under line `i`: a name (a few words), then the comment's date."""
    below = [k for k in range(i + 1, min(len(raw), i + 6)) if raw[k].strip()][:2]
    return (len(below) == 2 and len(_words(raw[below[0]])) <= 4 and facts[below[1]].field == "published")


_QUOTED_LINE = re.compile(r"^\s*[«\"“”]\s*([^«»\"“”]{20,300}?)\s*[»\"”“]\s*[.]?\s*$")


def _mark_pull_quotes(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """A line that is only a quotation the text gives again in full: a pull quote set in large type between
    paragraphs, not a subheading nor a second saying."""
    text_forms = {k: " ".join(normalize(raw[k]).split()) for k in range(len(raw)) if kinds[k] == "text"}
    for k in list(text_forms):
        quoted = _QUOTED_LINE.match(raw[k])
        if not quoted:
            continue
        said = " ".join(normalize(quoted.group(1)).split())
        if any(said in form for j, form in text_forms.items() if j != k and len(form) > len(said)):
            kinds[k], reasons[k] = "boilerplate", "pull quote (the text gives it again)"


_QUESTIONS_HEADER = frozenset({"اسيله واجوبه", "اسيله واجابات", "سوال وجواب", "سوال و جواب", "الاسيله الشايعه",
                               "اسيله شايعه"})


def _mark_question_headings(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """An explainer's "أسئلة وأجوبة" part: its header, and each question over its answer, are subheadings
    (an interview's questions, which no such header announces, stay text)."""
    header = next((k for k in range(len(raw)) if kinds[k] in ("body", "heading")
                   and _core(raw[k]) in _QUESTIONS_HEADER), None)
    if header is None:
        return
    kinds[header], reasons[header] = "heading", "heading: a questions-and-answers part's header"
    texts = [k for k in range(header + 1, len(raw)) if kinds[k] != "blank"]
    for k, nxt in zip(texts, texts[1:]):
        if kinds[k] not in ("body", "heading"):
            break
        if (_QUESTION_LINE.search(raw[k]) and len(_words(raw[k])) <= HEADING_MAX_WORDS and kinds[nxt] == "body"
                and not _QUESTION_LINE.search(raw[nxt]) and not _DIALOGUE.match(_core(raw[k]))):
            kinds[k], reasons[k] = "heading", "heading: a question over its answer"


_VIDEO_TEASER = re.compile(r"^(?:فيديو|بالفيديو|شاهد|video)\s*[|｜:：]\s*\S")


def _mark_player_times(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """The times of an audio or video player ("00:00", "05:12") under its 'listen' button: no date line; a
    video's title over its duration ("فيديو | تجمع مياه الأمطار ..." / "01:47") is the player too."""
    previous = None
    for k in range(len(raw)):
        if kinds[k] == "blank":
            continue
        if (reasons[k] == _TIME_REASON and previous is not None and kinds[previous] == "text"
                and _VIDEO_TEASER.match(normalize(raw[previous]).strip())
                and not _SENTENCE_END.search(raw[previous].strip()[-1:])):
            kinds[previous], reasons[previous] = "boilerplate", "video player's title (over its duration)"
            kinds[k], reasons[k] = "boilerplate", "video's duration"  # (a live page's next entry time is not)
        if reasons[k] == _TIME_REASON and previous is not None and (
                reasons[previous] == "audio or video player's time"
                or reasons[previous] == "page control, advert or comment form" and _core(raw[previous]).startswith(
                    ("استمع", "شاهد", "تشغيل", "شغل"))):
            kinds[k], reasons[k] = "boilerplate", "audio or video player's time"
        previous = k


def _mark_machine_summaries(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """A summary box that says a machine wrote it ("ملخص بواسطة الذكاء الاصطناعي"): its header and its
    bullets are not the outlet's text (the article says it all again below)."""
    for i, line in enumerate(raw):
        if kinds[i] == "blank" or not _MACHINE_SUMMARY.match(_core(line)) or len(_words(line)) > 8:
            continue
        kinds[i], reasons[i] = "boilerplate", "machine-written summary box"
        j = i + 1
        while j < len(raw) and (kinds[j] == "blank" or kinds[j] == "text" and _BULLET.match(raw[j])):
            if kinds[j] != "blank":
                kinds[j], reasons[j] = "boilerplate", f"machine-written summary box (line {i + 1})"
            j += 1


def _mark_trailing_tags(raw: list[str], kinds: list[str], reasons: list[str]) -> None:
    """Tags printed without a header: two or more short plain lines (no digits, no punctuation) right under
    a paragraph's final full stop, with only site furniture or nothing below them, that name the article's
    topics: at least half of them are words of the text above ("البنك المركزي", "عزيز أخنوش"). A list the
    article gives (its squad, a jury, a poem's lines) names what the text above has not."""
    k = 0
    while k < len(raw):
        if (kinds[k] != "text" or not _TERMINAL.search(raw[k]) or raw[k].rstrip().endswith(":")
                or _LIST_INTRO.search(_core(raw[k]))):
            k += 1
            continue
        run, j = [], k + 1
        # (The headline again may head the tags: "... سعر صرف الجنيه." / the headline / "أسعار البنزين" ...;
        # buttons may stand between ("تحميل المزيد"), and a tag that is a section's name is the site's already.)
        while j < len(raw) and (kinds[j] == "blank" or kinds[j] == "text" and _is_plain_tag(raw[j])
                                or reasons[j].startswith(_HEADLINE_AGAIN) or reasons[j] in _AMONG_TAGS):
            if kinds[j] == "text":
                run.append(j)
            j += 1
        if len(run) >= 2 and (j >= len(raw) or kinds[j] != "text") and _name_topics_above(raw, kinds, run):
            for m in run:
                kinds[m], reasons[m] = "boilerplate", "tags (short topic names under the article's last paragraph)"
        k = j if run else k + 1


_AMONG_TAGS = ("page control, advert or comment form", "section name or breadcrumb", "share/subscribe/comment prompt",
               "share buttons (social networks named)", "hashtags", "byline",
               # (Under the last paragraph, over the tags: "اقرأ أيضاً: ...", "المصدر: الميادين نت".)
               "'read also' link", "source line")
TAG_WORD_MIN_LETTERS = 3


def _name_topics_above(raw: list[str], kinds: list[str], run: list[int]) -> bool:
    """Whether at least half the tags name the text above: the tag itself, or half its words in any form
    ("جرائم مالية" over "شركة وساطة مالية", "شرطة دبي" over "مركز شرطة بر دبي")."""
    text = [tokens(raw[m]) for m in range(run[0]) if kinds[m] == "text"]
    above = " " + " ".join(" ".join(t) for t in text) + " "
    stems = {light_stem(w) for t in text for w in t}

    def named(tag: list[str]) -> bool:
        if f" {' '.join(tag)} " in above:
            return True
        words = [w for w in tag if len(w) >= TAG_WORD_MIN_LETTERS]
        return bool(words) and 2 * sum(light_stem(w) in stems for w in words) >= len(words)
    return 2 * sum(named(tokens(raw[m])) for m in run) >= len(run)


def _is_plain_tag(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(_words(stripped)) <= TAGS_MAX_WORDS and not re.search(r"[^\w\s]|[\d٠-٩_]", stripped)


def classify_lines(text: str) -> list[Line]:
    """Every line of `text`, 1-based, with kind (title|heading|body|meta|boilerplate) and reason."""
    return _classify(text).lines


# --- Articles and metadata -----------------------------------------------------------------------

def _metadata(lines: list[Line], facts: dict[int, _Facts]) -> dict:
    meta: dict = {"title": None, "outlet": None, "url": None, "published": None}
    outlets: dict[str, str] = {}
    masthead_date = _masthead_date(lines, facts)
    if masthead_date:
        meta["published"] = masthead_date
    dated_line = None
    for line in lines:
        fact = facts.get(line.number)
        if line.kind == "title" and meta["title"] is None:
            meta["title"] = _MD_HEADING.sub("", line.text).strip()
        if line.kind != "meta" or fact is None or not fact.value:
            continue
        if fact.field == "url" and meta["url"] is None:
            meta["url"] = fact.value
        elif fact.field == "published" and meta["published"] is None:
            meta["published"] = fact.value
        elif fact.field in ("outlet", "site"):
            value = _outlet_name(fact.value)
            if not value:
                continue
            if fact.reason == "dateline (place and outlet)" and dated_line is None:
                dated_line = parse_date(line.text)  # "وكالة يونهاب | 19 يونيو 2024": the outlet and the day
            if _DOMAIN.match(value) and len(value.split()) == 1:
                value = _outlet_from_url(value)  # "الموقع : ar.yna.co.kr": a known site by its name
            reason = fact.reason
            if reason == "source line" and not _is_known_name(value):
                reason = "source line (unknown name)"  # "المصدر: صندوق النقد الدولي" under a chart
            outlets.setdefault(reason, value)
    # A source line naming a known outlet names it best; then a stand-alone outlet name, a dateline, any
    # other source line, a site line, a domain.
    for reason in ("source line", "outlet name line", "dateline (place and outlet)", "source line (unknown name)",
                   "site line", "site domain line", "site name (short Latin line)"):
        if reason in outlets:
            meta["outlet"] = outlets[reason]
            break
    # A wire story's dateline opens its first sentence: "تونس (وات) - دعا رئيس الجمهورية ...", "رام الله
    # 15-10-2024 وفا- أصدر ...": its outlet, and its day where no line gave one.
    if meta["outlet"] is None or meta["published"] is None:
        lead = next((line.text for line in lines if line.kind == "body"), "").strip()
        cut, wire = wire_dateline(lead)
        meta["outlet"] = meta["outlet"] or wire
        if meta["published"] is None and cut:
            meta["published"] = parse_date(lead[:cut])
    if meta["outlet"] is None and meta["url"]:
        meta["outlet"] = _outlet_from_url(meta["url"])
    meta["published"] = meta["published"] or dated_line
    return meta


_GENERIC_SOURCES = {"وكالات", "وكالات الانباء", "الوكالات", "مواقع", "مواقع الكترونيه", "متابعات", "الصحافه",
                    "صحف", "وسايل اعلام", "وسايل الاعلام", "مواقع التواصل", "مواقع التواصل الاجتماعي", "agencies"}


def _masthead_date(lines: list[Line], facts: dict[int, _Facts]) -> str | None:
    """The date printed between the headline and the text: the article's own. A date above the headline may
    be the site's clock in its header ("الأحد 14 يوليو 2024" over the menu on every page)."""
    title = next((k for k, line in enumerate(lines) if line.kind == "title"), None)
    if title is None:
        return None
    for line in lines[title + 1:]:
        if line.kind in ("body", "heading"):
            return None
        fact = facts.get(line.number)
        if line.kind == "meta" and fact is not None and fact.field == "published" and fact.value:
            return fact.value
    return None


def _outlet_name(value: str | None) -> str | None:
    """An outlet as a source line gives it, without the agencies it adds ("الجزيرة + وكالات" is Al
    Jazeera's); None when it names no outlet ("وكالات", a social network)."""
    if not value:
        return None
    if _is_known_name(value):
        return value.strip(" .:-–—|")  # "BBC News, عربي" is one name
    name = re.split(r"\s*(?:\+|،|,|/|\s-\s|\sو\s*(?=وكالات))\s*", value.strip(), maxsplit=1)[0].strip(" .:-–—|")
    core = normalize(name).strip()
    if (not core or core in _GENERIC_SOURCES or to_ascii_digits(core).lower() in _SOCIAL
            or len(core) < 3 and not _is_known_name(name)):
        return None
    return name


def clean_document(doc: RawDocument) -> list[Article]:
    """Classify every line of a document, take its metadata and split off a second pasted article."""
    classified = _classify(doc.text)
    lines = classified.lines
    facts = {n + 1: f for n, f in enumerate(classified.facts)}
    if doc.is_html and doc.html_meta.get("author"):
        _mark_html_author(lines, doc.html_meta["author"])
    if doc.is_html and doc.html_meta.get("title"):
        _mark_html_title(lines, doc.html_meta["title"])
    bounds = [0] + [s for s, _ in classified.starts] + [len(lines)]
    reasons = [None] + [why for _, why in classified.starts]
    articles: list[Article] = []
    for part, (a, b) in enumerate(zip(bounds, bounds[1:]), start=1):
        chunk = lines[a:b]
        meta = _metadata(chunk, facts)
        article = Article(file=doc.file, title=meta["title"], outlet=meta["outlet"], url=meta["url"],
                          published=meta["published"], lines=chunk, part=part, split_reason=reasons[part - 1])
        articles.append(article)
    first = articles[0]
    # Articles the user parted with a separator line are separate pages: each group's metadata is its own.
    groups = [k for k, article in enumerate(articles) if k == 0 or _SEPARATED in (article.split_reason or "")]
    group_bounds = [bounds[k] for k in groups] + [len(lines)]
    whole = _metadata(lines[:group_bounds[1]], facts)
    if doc.is_html:
        html = doc.html_meta
        first.title = html.get("title") or first.title
        site = _site_name(html.get("outlet"))
        if site and " ".join(normalize(site).split()) == " ".join(normalize(first.title or "").split()):
            site = None  # an extractor's guess that took the headline for the site's name
        if site and _DOMAIN.match(site) and len(site.split()) == 1:
            site = _outlet_from_url(site)  # "aawsat.com", the page naming no site: a known site by its name
        first.outlet = site or first.outlet or whole["outlet"]
        first.url = html.get("url") or first.url
        first.published = _iso(html.get("published")) or first.published
        if first.outlet is None and first.url:
            first.outlet = _outlet_from_url(first.url)
    else:
        # Source/site lines usually sit at the very end, after a pasted second article: they name the page.
        first.outlet = first.outlet or whole["outlet"]
        first.url = first.url or whole["url"]
        # (Not the date: a date found only in a later article's lines is that article's, not the page's.)
    for g, k in enumerate(groups[1:], start=1):
        group_first = articles[k]
        group_whole = _metadata(lines[group_bounds[g]:group_bounds[g + 1]], facts)
        group_first.outlet = group_first.outlet or group_whole["outlet"]
        group_first.url = group_first.url or group_whole["url"]
    for k, later in enumerate(articles[1:], start=1):
        # A 'read also' article is a link on the same site: same outlet; its own address and date are unknown.
        if k not in groups:
            later.outlet = later.outlet or articles[k - 1].outlet
    for article in articles:
        lead = next((line for line in article.lines if line.kind == "body"), None)
        if lead is not None:
            lead.lead = wire_dateline(lead.text)[0]
            if lead.lead:
                lead.reason += "; opens with a wire dateline"
        _name_paper_named_like_a_section(article)
        _mark_outlet_line(article)
        article.opinion = _is_opinion(article)
    if not any(line.kind == "body" for line in lines):
        if any(line.reason == _BROWSER_NOTICE_REASON for line in lines):
            raise InputError(doc.file, "no article text: the page was saved before its scripts showed the article "
                                       "(save it again once the article is on screen)")
        raise InputError(doc.file, "no Arabic article text found (every line is a title, heading or site furniture)")
    return articles


def _site_name(value: str | None) -> str | None:
    """A page's site name without its tagline: "Hespress - هسبريس جريدة إلكترونية مغربية" is Hespress."""
    if not value:
        return value
    parts = [p.strip() for p in re.split(r"\s+[-–—|/]\s+", value) if p.strip()]
    return next((p for p in parts if _is_known_name(p)), value) if len(parts) > 1 else value


def _mark_outlet_line(article: Article) -> None:
    """A site's name pasted above the headline ("كووورة", then the headline, then "المصدر: كووورة" at the
    end) is the outlet, not the title or a sentence; the headline under it is then the title."""
    if not article.outlet:
        return
    outlet = " ".join(normalize(article.outlet).split())
    head = [line for line in article.lines if line.text.strip()][:3]
    for position, line in enumerate(head):
        if line.kind == "meta" or " ".join(normalize(line.text).split()) != outlet:
            continue
        was_title = line.kind == "title"
        line.kind, line.reason = "meta", "outlet name line"
        following = head[position + 1] if position + 1 < len(head) else None
        if was_title and following is not None and following.kind in ("body", "heading") and _is_title_like(
                following.text):
            following.kind, following.reason = "title", "title: the headline under the site's name"
            article.title = _MD_HEADING.sub("", following.text).strip()
        elif was_title:
            article.title = None
        return


# Disclaimers that only opinion pieces carry ("إدارة الموقع لا تتبنى وجهة نظر الكاتب أو الخبر" is an
# aggregator's notice under news too).
_OPINION_DISCLAIMER = re.compile(r"((يعبر|تعبر) عن (راي|وجهه نظر|اراء) (كاتبه|كاتبها|صاحبه|صاحبها|الكاتب)|"
                                 r"the views expressed|"
    # An interview's editing note: "تم تحرير المقابلة واختصارها لدواعي الوضوح".
    r"تم (تحرير|اختصار|تنقيح) (المقابله|الحوار|اللقاء)|edited (and condensed )?for (length|clarity))")


# Opinion labels that are also newspapers' names: "الراي" is Kuwait's Al Rai and Jordan's Al Rai (الرأي).
_PAPERS_NAMED_OPINION = frozenset(label for label in _OPINION_SECTIONS if label in _OUTLETS)
_WRITER_LINE = re.compile(r"^(بقلم|الكاتب|الكاتبه)\b")


def _name_paper_named_like_a_section(article: Article) -> None:
    """A line "الراي" over the headline or right under it, with no writer's line near, is the paper's name
    with its news, not the opinion section (a column names its writer: "بقلم ..."); it is the outlet, as
    "هسبريس" would be. So is a paper named like a section ("العربية") right under the headline, where a
    copy puts the outlet, not the section."""
    head = [line for line in article.lines if line.text.strip()][:5]
    if not head or head[0].kind == "body":
        return
    writer = any(_WRITER_LINE.match(normalize(line.text).strip()) for line in head)
    for at in (0, 1) if head[0].kind == "title" and len(head) > 1 else (0,):
        label = " ".join(normalize(head[at].text).split()).strip(" :|")
        if (label in _PAPERS_NAMED_OPINION and not writer
                or at == 1 and head[at].reason == "section name or breadcrumb" and label in _OUTLETS
                and label not in _PAPERS_NAMED_OPINION):
            head[at].kind, head[at].reason = "meta", "outlet name line"
            name = head[at].text.strip(" :|")
            stand_in = article.url and _outlet_from_url(article.url)  # a bare host, where the site is unknown
            if not article.outlet or article.outlet == stand_in and "." in stand_in:
                article.outlet = name
            return


def _is_opinion(article: Article) -> bool:
    """An opinion piece: its section above the headline says so, or its disclaimer speaks for the writer."""
    head = [line for line in article.lines if line.text.strip() and line.reason != "outlet name line"][:4]
    if any(line.kind != "body" and " ".join(normalize(line.text).split()).strip(" :|") in _OPINION_SECTIONS
           for line in head):
        return True
    for line in head:
        if line.kind == "body":
            continue
        form = " ".join(normalize(line.text).split())
        # "رأي: رئاسة العراق ...": the headline under its label; "القدس العربي - مقالات - بقلم ...": the
        # section among the outlet's line (not as its first part: "الرأي - 8 ديسمبر" is the paper Al-Rai).
        labelled = re.match(r"^([^:：]{2,15})\s*[:：]\s*\S", form)
        if line.kind == "title" and labelled and labelled.group(1).strip() in _OPINION_SECTIONS:
            return True
        parts = [p.strip(" :|") for p in re.split(r"\s+[-–—|]\s+", form)]
        if len(parts) > 1 and any(p in _OPINION_SECTIONS for p in parts[1:]):
            return True
    return any(line.reason == "publisher disclaimer" and _OPINION_DISCLAIMER.search(normalize(line.text))
               for line in article.lines)


def _iso(value) -> str | None:
    if not value:
        return None
    return parse_date(str(value))


_TITLE_SEARCH_LINES = 6  # how far down the extracted text a repeat of the page title is looked for
KICKER_MAX_WORDS = 4


def _mark_html_title(lines: list[Line], title: str) -> None:
    """The extractor repeats the page title as a text line, usually the first, after a lead or a label
    on a live page: the first body line that is the title word for word is the title."""
    wanted = " ".join(normalize(title).split())
    for position, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if line.kind in ("body", "heading", "title") and " ".join(normalize(line.text).split()) == wanted:
            line.kind, line.reason = "title", "title: the page's title"
            # A short line taken for the headline above the real one is its section label ("ألمانيا").
            for above in lines[:position]:
                if above.kind == "title" and len(_words(above.text)) <= KICKER_MAX_WORDS:
                    above.kind, above.reason = "boilerplate", "section label above the page's title"
            return


def _mark_html_author(lines: list[Line], author: str) -> None:
    """A line above the text that is only the page's author's name (a writer box the extractor kept) is the
    byline, not the headline."""
    names = {" ".join(normalize(name).split()) for name in re.split(r"\s*[;,،]\s*", author) if name.strip()}
    for line in lines[:_TITLE_SEARCH_LINES]:
        if line.kind in ("body", "heading", "title") and " ".join(_core(line.text).split()) in names:
            line.kind, line.reason = "meta", "byline: the page's author"


def line_accounting(article: Article) -> dict:
    """Lines and characters kept and dropped, by kind and by reason, for the run report. Blank lines are
    counted apart (`blank_lines`): a paste with a blank line between paragraphs loses nothing in them."""
    by_kind: dict[str, dict[str, int]] = {}
    dropped_reasons: dict[str, int] = {}
    kept_lines = kept_chars = dropped_lines = dropped_chars = blank_lines = 0
    for line in article.lines:
        chars = len(line.text.strip())
        if not chars:
            blank_lines += 1
            continue
        entry = by_kind.setdefault(line.kind, {"lines": 0, "chars": 0})
        entry["lines"] += 1
        entry["chars"] += chars
        if line.kind in KEPT_KINDS:
            kept_lines += 1
            kept_chars += chars
        else:
            dropped_lines += 1
            dropped_chars += chars
            reason = re.sub(r" \(line \d+.*\)$", "", re.sub(r" '.*' \(line \d+\)", "", line.reason))
            dropped_reasons[reason] = dropped_reasons.get(reason, 0) + 1
    return {"lines": len(article.lines), "kept_lines": kept_lines, "kept_chars": kept_chars,
            "dropped_lines": dropped_lines, "dropped_chars": dropped_chars, "blank_lines": blank_lines,
            "by_kind": by_kind,
            "dropped_by_reason": dropped_reasons}


def inspect_records(articles: list[Article]) -> list[dict]:
    """The `brief inspect --json` shape: metadata, every line with kind and reason, sentences, accounting."""
    return [{
        "file": a.file, "part": a.part, "split_reason": a.split_reason, "duplicate_of": a.duplicate_of,
        "title": a.title, "outlet": a.outlet, "url": a.url, "published": a.published,
        "lines": [{"line": ln.number, "kind": ln.kind, "reason": ln.reason, "text": ln.text} for ln in a.lines],
        "sentences": [s.text for s in a.sentences],
        "accounting": line_accounting(a),
    } for a in articles]


# --- Duplicates ----------------------------------------------------------------------------------

SHINGLE = 5
DUPLICATE_JACCARD = 0.6
DUPLICATE_CONTAINMENT = 0.85


def _body_text(article: Article) -> str:
    if article.sentences:
        return " ".join(s.text for s in article.sentences if s.kind == "body")
    return " ".join(ln.text for ln in article.lines if ln.kind == "body")


def _shingles(text: str) -> set[str]:
    words = tokens(text)
    # Strings, not tuples: a string keeps its hash, so comparing two big articles' sets is several
    # times faster (a tuple's hash is computed again at every lookup).
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def find_duplicates(articles: list[Article]) -> dict[int, int]:
    """Index of each copy → index of the article it copies: a near-identical body stating no figure the
    other lacks. Of two such, the one holding more of the text is the original (an update that adds a
    paragraph is kept, its first version is the copy); two bodies that differ in a figure are two reports
    (a toll that rose from 10 to 27 was hidden as a copy of the first)."""
    texts = [_body_text(a) for a in articles]
    shingles = [_shingles(text) for text in texts]
    figures = [set(re.findall(r"\d+(?:[.,]\d+)*", to_ascii_digits(text))) for text in texts]
    duplicates: dict[int, int] = {}
    originals: list[int] = []
    # Largest first, so that each article is compared with those that could be its original.
    for candidate in sorted(range(len(articles)), key=lambda k: (-len(shingles[k]), k)):
        mine = shingles[candidate]
        if len(mine) < 3:
            continue
        for original in originals:
            theirs = shingles[original]
            shared = len(mine & theirs) if len(mine) <= len(theirs) else len(theirs & mine)
            if not shared or not figures[candidate] <= figures[original]:
                continue
            jaccard = shared / (len(mine) + len(theirs) - shared)
            containment = shared / min(len(mine), len(theirs))
            ratio = min(len(mine), len(theirs)) / max(len(mine), len(theirs))
            if jaccard >= DUPLICATE_JACCARD or (containment >= DUPLICATE_CONTAINMENT and ratio >= 0.5):
                duplicates[candidate] = original
                break
        else:
            originals.append(candidate)
    return duplicates
