"""Builds the saved pages in this folder and expected.json (python make_pages.py FOLDER); the pages, not this, are the fixtures."""
import json, quopri, sys
from urllib.parse import quote

def saved_from(address):
    address = quote(address, safe=":/?&=%#;,+@")
    return f"<!-- saved from url=({len(address):04d}){address} -->"

from pathlib import Path

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)

def paras(*ps):
    return "\n".join(f"<p>{p}</p>" for p in ps)

def mhtml(html: str, address: str, title: str, date="Wed, 19 Jun 2024 09:12:44 -0000") -> bytes:
    """Chrome's 'Webpage, Single File': scripts are left out of the saved DOM, the HTML part is quoted-printable."""
    body = html.encode("utf-8")
    address = quote(address, safe=":/?&=%#;,+@")
    boundary = "----MultipartBoundary--7gJqTlFZ3bWkPrxZr9a0mVn1cYqSx4uHq6cWQ6UBZf----"
    subject = "=?utf-8?Q?" + quopri.encodestring(title.encode("utf-8"), header=True).decode("ascii").replace("=\n", "") + "?="
    head = (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {address}\r\nSubject: {subject}\r\n"
            f"Date: {date}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            f"\tboundary=\"{boundary}\"\r\n\r\n\r\n--{boundary}\r\nContent-Type: text/html\r\n"
            f"Content-ID: <frame-3F0A5C1D9E8B7A6F5E4D3C2B1A0F9E8D@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {address}\r\n\r\n").encode("ascii")
    qp = quopri.encodestring(body).replace(b"\n", b"\r\n")
    tail = (f"\r\n\r\n--{boundary}\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: cid:css-1b2c3d4e@mhtml.blink\r\n\r\n@charset \"utf-8\";\r\n\r\nbody {{ direction: rtl; }}\r\n"
            f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: https://static.example.com/logo.png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n"
            f"\r\n--{boundary}--\r\n").encode("ascii")
    return head + qp + tail

NAV = """<nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li>
<li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li>
<li><a href="/opinion">رأي</a></li></ul></nav>"""
FOOTER = """<footer class="site-footer"><p>جميع الحقوق محفوظة © 2024</p><ul><li><a href="/about">من نحن</a></li>
<li><a href="/contact">اتصل بنا</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul></footer>"""

pages, expected = {}, {}

# 1. WordPress with Yoast SEO: a JSON-LD @graph, article:published_time and modified_time, related posts with dates.
url = "https://arabi21.com/story/1604512/مسؤول-أممي-يحذر-من-انهيار-القطاع-الصحي-في-السودان"
title = "مسؤول أممي يحذر من انهيار القطاع الصحي في السودان"
graph = {"@context": "https://schema.org", "@graph": [
    {"@type": "NewsArticle", "@id": url + "#article", "isPartOf": {"@id": url},
     "author": {"name": "عربي21- أحمد صالح", "@id": "https://arabi21.com/#/schema/person/1"},
     "headline": title, "datePublished": "2024-06-19T06:45:12+00:00", "dateModified": "2024-06-20T11:02:40+00:00",
     "mainEntityOfPage": {"@id": url}, "publisher": {"@id": "https://arabi21.com/#organization"},
     "inLanguage": "ar"},
    {"@type": "WebPage", "@id": url, "url": url, "name": title + " - عربي21",
     "isPartOf": {"@id": "https://arabi21.com/#website"}, "datePublished": "2024-06-19T06:45:12+00:00",
     "dateModified": "2024-06-20T11:02:40+00:00", "breadcrumb": {"@id": url + "#breadcrumb"}},
    {"@type": "BreadcrumbList", "@id": url + "#breadcrumb", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "الرئيسية", "item": "https://arabi21.com/"},
        {"@type": "ListItem", "position": 2, "name": "سياسة", "item": "https://arabi21.com/politics"},
        {"@type": "ListItem", "position": 3, "name": title}]},
    {"@type": "WebSite", "@id": "https://arabi21.com/#website", "url": "https://arabi21.com/", "name": "عربي21",
     "publisher": {"@id": "https://arabi21.com/#organization"}, "inLanguage": "ar"},
    {"@type": "Organization", "@id": "https://arabi21.com/#organization", "name": "عربي21", "url": "https://arabi21.com/",
     "logo": {"@type": "ImageObject", "url": "https://arabi21.com/logo.png"}}]}
pages["01_wordpress_yoast.html"] = f"""<!DOCTYPE html>
{saved_from('https://arabi21.com/story/1604512/?utm_source=facebook&utm_medium=social')}
<html dir="rtl" lang="ar"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - عربي21</title>
<!-- This site is optimized with the Yoast SEO plugin v22.8 - https://yoast.com/wordpress/plugins/seo/ -->
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{url}">
<meta property="og:locale" content="ar_AR"><meta property="og:type" content="article">
<meta property="og:title" content="{title} - عربي21">
<meta property="og:description" content="حذر مسؤول أممي من انهيار وشيك للقطاع الصحي في السودان">
<meta property="og:url" content="{url}"><meta property="og:site_name" content="عربي21">
<meta property="article:publisher" content="https://www.facebook.com/Arabi21News">
<meta property="article:published_time" content="2024-06-19T06:45:12+00:00">
<meta property="article:modified_time" content="2024-06-20T11:02:40+00:00">
<meta name="author" content="عربي21- أحمد صالح">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:label1" content="كُتب بواسطة">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph, ensure_ascii=False)}</script>
<!-- / Yoast SEO plugin. -->
<link rel="stylesheet" id="wp-block-library-css" href="./story_files/style.min.css" type="text/css" media="all">
<script type="text/javascript" src="./story_files/jquery.min.js" id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post postid-1604512 single-format-standard">
<header id="masthead"><a href="https://arabi21.com/"><img src="./story_files/logo.png" alt="عربي21"></a>{NAV}</header>
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-1604512" class="post-1604512 post type-post status-publish format-standard has-post-thumbnail category-politics">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="byline">عربي21- أحمد صالح</span>
<span class="posted-on"><time class="entry-date published" datetime="2024-06-19T06:45:12+00:00">الأربعاء، 19 يونيو 2024 09:45 ص بتوقيت غرينتش</time>
<time class="updated" datetime="2024-06-20T11:02:40+00:00">الخميس، 20 يونيو 2024 02:02 م</time></span></div></header>
<div class="entry-content">
{paras("حذر مسؤول في منظمة الصحة العالمية من أن القطاع الصحي في السودان بات على حافة الانهيار الكامل، بعد أكثر من عام على اندلاع الحرب بين الجيش وقوات الدعم السريع.",
       "وقال المسؤول في مؤتمر صحفي عقده في جنيف إن أكثر من سبعين بالمئة من المستشفيات في مناطق القتال خرجت عن الخدمة، وإن المتبقي منها يعمل بأقل من نصف طاقته بسبب نقص الأدوية والوقود.",
       "وأضاف أن حالات الكوليرا والحصبة تتزايد في عدد من الولايات، محذرا من أن موسم الأمطار المقبل قد يؤدي إلى تفشي الأوبئة على نطاق واسع إذا لم تصل المساعدات في الوقت المناسب.",
       "ودعا المسؤول الأممي الأطراف المتحاربة إلى السماح بمرور القوافل الطبية دون عوائق، وإلى حماية العاملين في القطاع الصحي الذين قتل العشرات منهم منذ بدء النزاع.",
       "وتقول الأمم المتحدة إن نحو خمسة وعشرين مليون شخص في السودان بحاجة إلى مساعدات إنسانية، فيما نزح أكثر من عشرة ملايين شخص داخل البلاد وخارجها.")}
</div></article>
<aside id="secondary" class="widget-area"><section class="widget related-posts"><h2 class="widget-title">اقرأ أيضا</h2><ul>
<li><a href="https://arabi21.com/story/1603990/">الأمم المتحدة تطلق نداء لجمع تمويل إنساني للسودان</a> <span class="date">17 يونيو 2024</span></li>
<li><a href="https://arabi21.com/story/1603871/">نزوح آلاف الأسر من الفاشر مع اشتداد المعارك</a> <span class="date">16 يونيو 2024</span></li>
</ul></section></aside></main></div>
{FOOTER}
<script type="text/javascript" src="./story_files/main.js" id="theme-js"></script>
</body></html>"""
expected["01_wordpress_yoast.html"] = {"cms": "WordPress + Yoast graph", "title": title, "outlet": ["عربي21", "عربي 21", "Arabi21"],
                                        "url": url, "published": "2024-06-19"}

# 2. Arc XP (Asharq Al-Awsat-like), Chrome single-file save: scripts (and so JSON-LD, Fusion globals) are gone.
url = "https://aawsat.com/العالم-العربي/الخليج/5032541-السعودية-تعلن-خطة-لتوسيع-الطاقة-المتجددة"
title = "السعودية تعلن خطة لتوسيع الطاقة المتجددة بحلول 2030"
html = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><link rel="stylesheet" type="text/css" href="cid:css-1b2c3d4e@mhtml.blink" />
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} | الشرق الأوسط</title>
<meta name="description" content="أعلنت السعودية خطة لتوسيع مشروعات الطاقة المتجددة">
<meta property="og:title" content="{title}"><meta property="og:type" content="article">
<meta property="og:url" content="{url}"><meta property="og:site_name" content="aawsat.com">
<meta property="og:image" content="https://aawsat.com/resizer/abc=/1200x630/filters:format(jpg)/photo.jpg">
<meta name="twitter:site" content="@aawsat_News"><meta name="twitter:title" content="{title}">
<meta property="article:published_time" content="2024-06-19T19:10:00.000Z">
<meta property="article:modified_time" content="2024-06-19T21:45:21.447Z">
<meta name="author" content="الرياض: فتح الرحمن يوسف"><link rel="canonical" href="{url}">
<link rel="amphtml" href="{url}?outputType=amp"></head>
<body><div id="fusion-app" class="b-page"><header class="b-header-nav-chain"><a href="/" aria-label="الشرق الأوسط"><img alt="الشرق الأوسط" src="https://aawsat.com/pf/resources/logo.svg"></a>{NAV}</header>
<main class="b-single-column-regular"><div class="b-single-column-regular__main">
<nav class="c-breadcrumb"><a href="/العالم-العربي">العالم العربي</a> <a href="/العالم-العربي/الخليج">الخليج</a></nav>
<h1 class="c-heading b-headline">{title}</h1>
<h2 class="c-heading b-subheadline">خطة تستهدف إنتاج نصف الكهرباء من مصادر نظيفة</h2>
<div class="b-byline"><span class="c-attribution">الرياض: فتح الرحمن يوسف</span></div>
<div class="b-date"><time class="c-date" datetime="2024-06-19T19:10:00.000Z">نُشر: 22:10-19 يونيو 2024 م ـ 13 ذو الحِجّة 1445 هـ</time></div>
<article class="b-article-body">
{paras("أعلنت المملكة العربية السعودية، الأربعاء، خطة جديدة لتوسيع مشروعات الطاقة المتجددة، تستهدف رفع حصة الطاقة الشمسية وطاقة الرياح إلى نصف مزيج الكهرباء في البلاد بحلول عام 2030.",
       "وقالت وزارة الطاقة في بيان إن الخطة تشمل طرح مناقصات لإنشاء محطات جديدة بقدرة إجمالية تتجاوز عشرين غيغاواط خلال السنوات الثلاث المقبلة، بمشاركة شركات محلية ودولية.",
       "وأوضح البيان أن المشروعات الجديدة ستقام في عدد من مناطق المملكة، وأنها ستوفر آلاف فرص العمل للشباب السعوديين في مجالات الهندسة والتشغيل والصيانة.",
       "ويرى خبراء أن الخطة تأتي في إطار مساعي المملكة لتنويع اقتصادها وخفض استهلاك النفط محليا، بما يتيح تصدير كميات أكبر منه إلى الأسواق العالمية.")}
</article>
<div class="b-related"><h3>ذات صلة</h3><ul>
<li><a href="/الاقتصاد/5031200">ارتفاع صادرات السعودية غير النفطية</a><time datetime="2024-06-17T08:00:00Z">17 يونيو 2024</time></li>
<li><a href="/الاقتصاد/5030117">«أرامكو» توقع اتفاقية للطاقة النظيفة</a><time datetime="2024-06-15T10:30:00Z">15 يونيو 2024</time></li></ul></div>
</div></main>{FOOTER}</div></body></html>"""
pages["02_arc_aawsat.mhtml"] = mhtml(html, url, title + " | الشرق الأوسط")
expected["02_arc_aawsat.mhtml"] = {"cms": "Arc XP, Chrome MHTML (no scripts)", "title": title,
                                    "outlet": ["الشرق الأوسط", "Asharq Al-Awsat"], "url": url, "published": "2024-06-19"}

# 3. Drupal: dcterms meta, "submitted" line, and a sidebar of latest news (with later dates) above the article in the DOM.
url = "https://www.albawabhnews.com/5012345"
title = "الحكومة المصرية تقر زيادة جديدة في أسعار الكهرباء"
pages["03_drupal.html"] = f"""<!DOCTYPE html>
{saved_from('https://www.albawabhnews.com/5012345')}
<html lang="ar" dir="rtl" prefix="og: https://ogp.me/ns#"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)"><meta name="MobileOptimized" content="width">
<meta name="description" content="أقرت الحكومة المصرية زيادة جديدة في أسعار شرائح الكهرباء المنزلية">
<link rel="canonical" href="{url}"><link rel="shortlink" href="https://www.albawabhnews.com/node/5012345">
<meta property="og:site_name" content="البوابة نيوز"><meta property="og:type" content="article">
<meta property="og:url" content="{url}"><meta property="og:title" content="{title}">
<meta name="dcterms.title" content="{title}"><meta name="dcterms.creator" content="محمد عبد الله">
<meta name="dcterms.date" content="2024-06-18T15:20+03:00"><meta name="dcterms.type" content="Text">
<meta property="article:published_time" content="">
<title>{title} | البوابة نيوز</title>
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_Xy3.css">
<script type="application/json" data-drupal-selector="drupal-settings-json">{{"path":{{"baseUrl":"\\/","currentPath":"node\\/5012345","currentLanguage":"ar"}},"ajaxTrustedUrl":{{}}}}</script>
</head><body class="path-node page-node-type-article">
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header role="banner"><div class="region region-header"><a href="/" rel="home"><img src="/logo.png" alt="البوابة نيوز"></a></div>{NAV}</header>
<div class="layout-container"><aside class="layout-sidebar-first" role="complementary"><div class="views-element-container block-views-blocklatest-news-block-1">
<h2>آخر الأخبار</h2><div class="view-content">
<div class="views-row"><a href="/5012399">وزير التعليم يعلن موعد نتيجة الثانوية العامة</a> <time datetime="2024-06-20T09:00:00+03:00">20/06/2024 09:00 ص</time></div>
<div class="views-row"><a href="/5012380">ارتفاع أسعار الذهب في ختام التعاملات</a> <time datetime="2024-06-19T21:15:00+03:00">19/06/2024 09:15 م</time></div>
</div></div></aside>
<main role="main"><div class="region region-content"><article role="article" about="/5012345" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{title}</span></h1>
<div class="node__meta"><span class="field--name-uid">محمد عبد الله</span> <span class="field--name-created">الثلاثاء 18/يونيو/2024 - 03:20 م</span></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary">
{paras("أقرت الحكومة المصرية زيادة جديدة في أسعار شرائح الكهرباء المنزلية والتجارية، تبدأ مع فواتير الشهر المقبل، في إطار خطة لخفض دعم الطاقة تدريجيا.",
       "وقال المتحدث باسم وزارة الكهرباء إن الزيادة تتراوح بين خمسة عشر وعشرين بالمئة بحسب الشريحة، وإن الشرائح الأولى الأقل استهلاكا ستحظى بزيادة محدودة لحماية الأسر محدودة الدخل.",
       "وأضاف أن تكلفة إنتاج الكهرباء ارتفعت بشكل كبير بسبب زيادة أسعار الوقود المستورد وتراجع قيمة العملة المحلية أمام الدولار خلال العام الماضي.",
       "وكانت الحكومة قد أعلنت في وقت سابق خطة لتخفيف الأحمال تشمل قطع التيار الكهربائي لساعتين يوميا، وهي الخطة التي أثارت انتقادات واسعة مع ارتفاع درجات الحرارة.")}
</div></article></div></main></div>{FOOTER}</div>
<script src="/core/misc/drupal.js"></script></body></html>"""
expected["03_drupal.html"] = {"cms": "Drupal 10, latest-news sidebar first", "title": title,
                               "outlet": ["البوابة نيوز"], "url": url, "published": "2024-06-18"}

# 4. Next.js: the head has no date; the date is in __NEXT_DATA__ and in a visible "time ago" plus a date string.
url = "https://asharq.com/politics/93512/الانتخابات-الرئاسية-الإيرانية-ستة-مرشحين/"
title = "الانتخابات الرئاسية الإيرانية.. ستة مرشحين يتنافسون على خلافة رئيسي"
next_data = {"props": {"pageProps": {"article": {"id": 93512, "title": title, "slug": "الانتخابات-الرئاسية-الإيرانية-ستة-مرشحين",
              "publishedAt": "2024-06-19T14:05:33.000Z", "updatedAt": "2024-06-21T08:40:00.000Z",
              "section": {"name": "سياسة", "slug": "politics"}, "author": {"name": "الشرق"},
              "related": [{"title": "إيران.. بدء الحملات الانتخابية", "publishedAt": "2024-06-14T09:00:00.000Z"}]},
              "site": {"name": "الشرق للأخبار"}}, "__N_SSP": True},
             "page": "/[section]/[id]/[slug]", "query": {"section": "politics", "id": "93512"},
             "buildId": "k2Hf8_aB9x", "isFallback": False, "gssp": True, "locale": "ar", "scriptLoader": []}
pages["04_nextjs.html"] = f"""<!DOCTYPE html>
{saved_from('https://asharq.com/politics/93512/')}
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{title} | الشرق للأخبار</title><meta name="description" content="ستة مرشحين يتنافسون في الانتخابات الرئاسية الإيرانية">
<meta property="og:title" content="{title}"><meta property="og:url" content="{url}">
<meta property="og:image" content="https://asharq.com/static/og/93512.jpg"><meta property="og:type" content="article">
<link rel="canonical" href="{url}"><meta name="next-head-count" content="12">
<link rel="preload" href="/_next/static/css/4f1c.css" as="style"><link rel="stylesheet" href="/_next/static/css/4f1c.css" data-n-g="">
<script defer="" nomodule="" src="/_next/static/chunks/polyfills-c67a75d1b6f99dc8.js"></script>
<script src="/_next/static/chunks/webpack-59c5c889f52620d6.js" defer=""></script></head>
<body><div id="__next"><div class="Layout_layout__x1"><header class="Header_header__a8"><a href="/"><img alt="الشرق" src="/logo.svg"></a>{NAV}</header>
<main class="Article_main__Zp"><div class="Article_section__qT"><a href="/politics/">سياسة</a></div>
<h1 class="Article_title__u2">{title}</h1>
<div class="Article_meta__d3"><span class="Article_author__k9">الشرق</span><span class="Article_time__p0">دبي-الشرق</span><span class="Article_ago__j1">منذ 3 أيام</span></div>
<div class="Article_body__Tn">
{paras("يتنافس ستة مرشحين في الانتخابات الرئاسية الإيرانية المبكرة المقررة في الثامن والعشرين من يونيو، لاختيار خلف للرئيس إبراهيم رئيسي الذي قتل في تحطم مروحية الشهر الماضي.",
       "وكان مجلس صيانة الدستور قد وافق على أهلية ستة مرشحين من بين ثمانين تقدموا بطلبات الترشح، بينهم رئيس البرلمان محمد باقر قاليباف والمفاوض النووي السابق سعيد جليلي.",
       "ويعد مسعود بزشكيان المرشح الوحيد المحسوب على التيار الإصلاحي، وقد تعهد خلال حملته بتحسين العلاقات مع الغرب وإحياء الاتفاق النووي.",
       "وتجري المناظرات التلفزيونية بين المرشحين على مدى خمس جلسات، تتناول الاقتصاد والسياسة الخارجية والقضايا الاجتماعية، وسط توقعات بنسبة مشاركة منخفضة.")}
</div><section class="Related_related__b2"><h3>اقرأ أيضاً</h3><a href="/politics/93001/">إيران.. بدء الحملات الانتخابية</a><span>14 يونيو 2024</span></section>
</main>{FOOTER}</div></div>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(next_data, ensure_ascii=False)}</script></body></html>"""
expected["04_nextjs.html"] = {"cms": "Next.js, date only in __NEXT_DATA__", "title": title,
                               "outlet": ["الشرق", "الشرق للأخبار", "Asharq News"], "url": url, "published": "2024-06-19"}

# 5. AMP (Sky News Arabia-like): canonical points at the ordinary page, JSON-LD NewsArticle, amp-* tags.
url = "https://www.skynewsarabia.com/world/1722310-الناتو-يعلن-تعزيز-دفاعاته-الجوية-شرق-أوروبا"
title = "الناتو يعلن تعزيز دفاعاته الجوية في شرق أوروبا"
ld = {"@context": "http://schema.org", "@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", "@id": url},
      "headline": title, "image": {"@type": "ImageObject", "url": "https://www.skynewsarabia.com/images/v1/2024/06/19/1722310/1200/630/1-1722310.jpg", "width": 1200, "height": 630},
      "datePublished": "2024-06-19T11:36:00+04:00", "dateModified": "2024-06-19T13:02:00+04:00",
      "author": {"@type": "Organization", "name": "سكاي نيوز عربية - أبوظبي"},
      "publisher": {"@type": "Organization", "name": "سكاي نيوز عربية", "logo": {"@type": "ImageObject", "url": "https://www.skynewsarabia.com/logo.png"}}}
amp_url = "https://www.skynewsarabia.com/amp/world/1722310-الناتو-يعلن-تعزيز-دفاعاته-الجوية-شرق-أوروبا"
pages["05_amp.html"] = f"""<!DOCTYPE html>
{saved_from(amp_url)}
<html ⚡="" lang="ar" dir="rtl" amp-version="2406131415000" class="i-amphtml-singledoc i-amphtml-standalone"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<style amp-runtime="" i-amphtml-version="012406131415000">html{{overflow-x:hidden!important}}</style>
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<link rel="canonical" href="{url}"><title>{title} | سكاي نيوز عربية</title>
<meta property="og:title" content="{title} | سكاي نيوز عربية"><meta property="og:url" content="{url}">
<meta property="og:site_name" content="سكاي نيوز عربية"><meta name="twitter:site" content="@skynewsarabia">
<script async="" src="https://cdn.ampproject.org/v0.js"></script>
<script custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js" async=""></script>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<style amp-custom="">body{{font-family:Arial}}.article-body p{{line-height:1.8}}</style>
<style amp-boilerplate="">body{{-webkit-animation:none;animation:none}}</style></head>
<body class="amp-mode-mouse"><amp-sidebar id="sidebar" layout="nodisplay" side="right" class="i-amphtml-element i-amphtml-layout-nodisplay" hidden="">{NAV}</amp-sidebar>
<header class="amp-header"><a href="https://www.skynewsarabia.com/"><amp-img src="/logo.png" width="150" height="40" alt="سكاي نيوز عربية" class="i-amphtml-element"></amp-img></a></header>
<main><article class="article"><div class="section">عالم</div><h1 class="article-title">{title}</h1>
<div class="article-meta"><span class="source">سكاي نيوز عربية - أبوظبي</span><span class="date">نشر في: 19 يونيو 2024 - 11:36 صباحاً | آخر تحديث: 19 يونيو 2024 - 01:02 مساءً</span></div>
<amp-img src="/images/1-1722310.jpg" width="1200" height="630" layout="responsive" alt="صورة أرشيفية"></amp-img>
<div class="article-body">
{paras("أعلن حلف شمال الأطلسي (الناتو) الأربعاء عزمه تعزيز منظومات الدفاع الجوي لدى الدول الأعضاء في شرق أوروبا، في ظل تصاعد التوتر مع روسيا واستمرار الحرب في أوكرانيا.",
       "وقال الأمين العام للحلف في مؤتمر صحفي ببروكسل إن الدول الأعضاء اتفقت على نشر بطاريات صواريخ إضافية في بولندا ودول البلطيق خلال الأشهر المقبلة.",
       "وأشار إلى أن الحلف سيرفع كذلك مستوى الجاهزية لقوات الرد السريع، وسيكثف التدريبات المشتركة على طول الجناح الشرقي.",
       "من جهتها، انتقدت موسكو الخطوة واعتبرتها تصعيدا جديدا يهدد الأمن في القارة الأوروبية، متوعدة بالرد بالإجراءات المناسبة.")}
</div></article></main>{FOOTER}</body></html>"""
expected["05_amp.html"] = {"cms": "AMP", "title": title, "outlet": ["سكاي نيوز عربية", "Sky News Arabia"],
                            "url": url, "published": "2024-06-19"}

# 6. Several JSON-LD blocks (BreadcrumbList, NewsArticle, Organization) and one broken block; the section is "الشرق الأوسط".
url = "https://arabic.cnn.com/middle-east/article/2024/06/19/lebanon-israel-border-escalation"
title = "تصعيد جديد على الحدود اللبنانية الإسرائيلية وسط مساع دبلوماسية للتهدئة"
crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
    {"@type": "ListItem", "position": 1, "name": "الرئيسية", "item": "https://arabic.cnn.com/"},
    {"@type": "ListItem", "position": 2, "name": "الشرق الأوسط", "item": "https://arabic.cnn.com/middle-east"}]}
article = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "url": url,
           "datePublished": "2024-06-19T16:20:05Z", "dateModified": "2024-06-19T18:03:11Z",
           "author": [{"@type": "Person", "name": "جاد شحرور"}], "articleSection": "الشرق الأوسط",
           "publisher": {"@type": "Organization", "name": "CNN Arabic"}}
org = {"@context": "https://schema.org", "@type": "NewsMediaOrganization", "name": "CNN بالعربية", "url": "https://arabic.cnn.com",
       "sameAs": ["https://twitter.com/cnnarabic", "https://www.facebook.com/CNNArabic"]}
pages["06_multi_jsonld.html"] = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} - CNN Arabic</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="canonical" href="{url}">
<meta property="og:title" content="{title}"><meta property="og:type" content="article">
<meta property="og:site_name" content=""><meta property="og:url" content="{url}">
<meta name="pubdate" content="2024-13-45"><meta name="section" content="الشرق الأوسط">
<script type="application/ld+json">{json.dumps(crumbs, ensure_ascii=False)}</script>
<script type="application/ld+json">{json.dumps(article, ensure_ascii=False)}</script>
<script type="application/ld+json">{json.dumps(org, ensure_ascii=False)}</script>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "WebSite", "name": "CNN Arabic", "potentialAction": {{"@type": "SearchAction",,}}</script>
</head><body><header class="header"><a class="logo" href="/">CNN بالعربية</a>{NAV}</header>
<div class="breadcrumbs"><a href="/">الرئيسية</a> › <a href="/middle-east">الشرق الأوسط</a></div>
<main><article><h1>{title}</h1><div class="byline">جاد شحرور، CNN</div>
<div class="timestamp">نشر الأربعاء، 19 يونيو / حزيران 2024</div>
<div class="article-body">
{paras("بيروت، لبنان (CNN)-- شهدت الحدود اللبنانية الإسرائيلية، الأربعاء، تصعيدا جديدا مع تبادل القصف بين حزب الله والجيش الإسرائيلي، في وقت تتكثف فيه المساعي الدبلوماسية لمنع اتساع نطاق المواجهة.",
       "وقال الجيش الإسرائيلي إن طائراته استهدفت مواقع لحزب الله في جنوب لبنان، بعد إطلاق عشرات الصواريخ والمسيرات باتجاه مواقع عسكرية في شمال إسرائيل.",
       "في المقابل، أعلن حزب الله في بيانات متتالية استهداف مواقع وثكنات إسرائيلية، مؤكدا أن عملياته تأتي دعما لقطاع غزة.",
       "ويزور المبعوث الأمريكي آموس هوكشتاين المنطقة في محاولة للتوصل إلى تفاهمات تعيد الهدوء إلى الحدود وتتيح عودة النازحين على جانبيها.")}
</div></article></main>{FOOTER}</body></html>"""
expected["06_multi_jsonld.html"] = {"cms": "several JSON-LD blocks, one broken", "title": title,
                                     "outlet": ["CNN بالعربية", "CNN Arabic", "سي إن إن بالعربية"], "url": url, "published": "2024-06-19"}

# 7. Al Jazeera: the <title> and og:title carry " | الجزيرة نت"; date in JSON-LD and a visible Arabic date.
url = "https://www.aljazeera.net/news/2024/6/19/الأمم-المتحدة-تحذر-من-مجاعة-في-غزة"
title = "الأمم المتحدة تحذر من مجاعة وشيكة في شمال غزة"
ld = {"@context": "http://schema.org", "@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", "@id": url},
      "headline": title, "datePublished": "2024-06-19T09:21:44.000Z", "dateModified": "2024-06-19T12:50:09.000Z",
      "publisher": {"@type": "Organization", "name": "الجزيرة نت", "logo": {"@type": "ImageObject", "url": "https://www.aljazeera.net/logo.png"}},
      "author": {"@type": "Organization", "name": "الجزيرة نت"}}
pages["07_aljazeera_title_suffix.html"] = f"""<!DOCTYPE html>
{saved_from(url)}
<html lang="ar" dir="rtl" class="no-js"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} | الجزيرة نت</title>
<meta property="og:title" content="{title} | الجزيرة نت"><meta property="og:url" content="{url}">
<meta name="twitter:title" content="{title} | الجزيرة نت"><meta property="og:type" content="article">
<meta name="publishedDate" content="2024-06-19T09:21:44"><meta name="lastDate" content="2024-06-19T12:50:09">
<link rel="canonical" href="{url}"><script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body class="single-post"><div id="root"><header class="site-header"><a class="site-header__logo" href="/"><span class="screen-reader-text">الجزيرة نت</span></a>{NAV}</header>
<main id="main-content-area" class="l-col l-col--8"><header class="article-header"><div class="topics"><a href="/news/">أخبار</a>|<a href="/where/mideast/palestine/">فلسطين</a></div>
<h1>{title}</h1><p class="article__subhead"><em>حذرت وكالات أممية من أن أكثر من نصف مليون شخص في غزة يواجهون مستويات كارثية من الجوع</em></p></header>
<div class="article-info-block"><div class="article-dates"><div class="date-simple"><span class="screen-reader-text">نشر في</span><span aria-hidden="true">19/6/2024</span></div><div class="article-last-updated">آخر تحديث: 15:50 (توقيت مكة)</div></div></div>
<div class="wysiwyg wysiwyg--all-content">
{paras("حذرت وكالات تابعة للأمم المتحدة من أن شمال قطاع غزة يقف على شفا مجاعة، مع استمرار القيود على دخول المساعدات الإنسانية وتدمير معظم البنية التحتية الزراعية.",
       "وقال تقرير صادر عن التصنيف المرحلي المتكامل للأمن الغذائي إن أكثر من خمسمئة ألف شخص يواجهون مستويات كارثية من الجوع، وإن سوء التغذية الحاد يتفشى بين الأطفال.",
       "وأضاف التقرير أن دخول الشاحنات عبر المعابر تراجع بشكل حاد منذ بدء العملية العسكرية الإسرائيلية في رفح مطلع مايو الماضي.",
       "ودعت الوكالات الأممية إلى وقف فوري لإطلاق النار وفتح جميع المعابر البرية أمام المساعدات، محذرة من أن الوقت ينفد لتفادي وفيات جماعية.")}
</div><p class="article-source">المصدر : الجزيرة + وكالات</p></main>{FOOTER}</div></body></html>"""
expected["07_aljazeera_title_suffix.html"] = {"cms": "title and og:title carry the site's name", "title": title,
                                               "outlet": ["الجزيرة نت", "الجزيرة", "Al Jazeera"], "url": url, "published": "2024-06-19"}

# 8. Youm7, Chrome MHTML: " - اليوم السابع" in <title>, og:title an SEO variant differing from the h1; date in a span.
url = "https://www.youm7.com/story/2024/6/19/وزير-المالية-الدين-الخارجي-يتراجع/6612345"
title = "وزير المالية: الدين الخارجي لمصر يتراجع للمرة الأولى منذ سنوات"
og = "الدين الخارجي لمصر يتراجع.. تفاصيل تصريحات وزير المالية"
html = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><link rel="stylesheet" type="text/css" href="cid:css-1b2c3d4e@mhtml.blink" />
<title>{title} - اليوم السابع</title><meta name="description" content="{og}">
<meta property="og:title" content="{og}"><meta property="og:type" content="article">
<meta property="og:url" content="https://m.youm7.com/story/2024/6/19/وزير-المالية-الدين-الخارجي-يتراجع/6612345">
<meta property="og:site_name" content="اليوم السابع"><meta name="keywords" content="وزير المالية,الدين الخارجي">
<link rel="canonical" href="{url}"><link rel="amphtml" href="https://www.youm7.com/amp/2024/6/19/x/6612345"></head>
<body><div class="container"><header><a href="/" class="logo"><img alt="اليوم السابع" src="https://img.youm7.com/images/logo.png"></a>{NAV}</header>
<div class="row"><div class="col-md-8"><article id="articleBody"><div class="articleHeader">
<h1>{title}</h1><div class="writeBy">كتبت - هبة حسام</div>
<span class="newsStoryDate">الأربعاء، 19 يونيو 2024 11:00 ص</span></div>
<div id="articleBody" class="articleCont">
{paras("أعلن وزير المالية أن الدين الخارجي لمصر تراجع للمرة الأولى منذ سنوات، بعد سداد التزامات بقيمة تتجاوز عشرة مليارات دولار خلال الأشهر الماضية.",
       "وقال الوزير في تصريحات خلال اجتماع لجنة الخطة والموازنة بمجلس النواب إن الحكومة تستهدف خفض نسبة الدين إلى الناتج المحلي الإجمالي إلى أقل من ثمانين بالمئة بحلول عام 2027.",
       "وأوضح أن صفقة تطوير منطقة رأس الحكمة وفرت سيولة كبيرة ساعدت على تخفيف الضغوط على ميزان المدفوعات وسداد جزء من المستحقات الخارجية.",
       "وأضاف أن الوزارة تعمل على تنويع مصادر التمويل وإطالة متوسط عمر الدين، بما يقلل من أعباء خدمة الدين على الموازنة العامة للدولة.")}
</div></article></div>
<div class="col-md-4"><div class="mostRead"><h3>الأكثر قراءة</h3><ul><li><a href="/story/2024/6/20/x/6613001">موعد صرف مرتبات يوليو 2024</a><span>الخميس، 20 يونيو 2024</span></li></ul></div></div></div>
{FOOTER}</div></body></html>"""
pages["08_youm7_title_suffix.mhtml"] = mhtml(html, "https://www.youm7.com/story/2024/6/19/وزير-المالية-الدين-الخارجي-يتراجع/6612345", title + " - اليوم السابع")
expected["08_youm7_title_suffix.mhtml"] = {"cms": "Chrome MHTML, ' - اليوم السابع', og:title is not the h1", "title": title,
                                            "outlet": ["اليوم السابع", "Youm7"], "url": url, "published": "2024-06-19"}

# 9. The only date is in Arabic words in a <span>; no date meta, no JSON-LD; the title suffix names the site.
url = "https://www.shorouknews.com/news/view.aspx?cdate=19062024&id=7a1c3e2b-4d5f-4a6b-9c8d-1e2f3a4b5c6d"
title = "ارتفاع معدل التضخم السنوي في مصر إلى 28.1% خلال مايو"
pages["09_arabic_words_date.html"] = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
{saved_from(url)}
<html xmlns="http://www.w3.org/1999/xhtml" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{title} - بوابة الشروق</title><link rel="canonical" href="{url.replace('&', '&amp;')}">
<meta property="og:title" content="{title}"><meta property="og:image" content="https://www.shorouknews.com/uploadedimages/Sections/Egypt/original/inflation.jpg">
<meta name="description" content="ارتفع معدل التضخم السنوي لأسعار المستهلكين في المدن المصرية"></head>
<body><form method="post" action="./view.aspx?cdate=19062024&amp;id=7a1c3e2b" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk"></div>
<div id="header"><a href="/"><img src="/images/logo.png" alt="الشروق"></a>{NAV}</div>
<div id="content"><div class="rightCol"><h1 class="title">{title}</h1>
<div class="subTitle">أسماء سرور:</div>
<div class="datePublished"><span>نشر في: الأربعاء 19 يونيو 2024 - 10:30 ص | آخر تحديث: الأربعاء 19 يونيو 2024 - 10:30 ص</span></div>
<div class="eventContent"><div id="ctl00_ContentPlaceHolder1_divBody">
{paras("ارتفع معدل التضخم السنوي لأسعار المستهلكين في المدن المصرية إلى 28.1 بالمئة في مايو، مقارنة مع 32.5 بالمئة في أبريل، وفق بيانات الجهاز المركزي للتعبئة العامة والإحصاء.",
       "وأظهرت البيانات أن أسعار الطعام والمشروبات تراجعت على أساس شهري للمرة الأولى منذ أشهر، بينما واصلت أسعار السكن والمرافق ارتفاعها.",
       "ويرى محللون أن تباطؤ التضخم يعود إلى تحسن قيمة الجنيه بعد تحرير سعر الصرف في مارس الماضي، وزيادة تدفقات النقد الأجنبي إلى البلاد.",
       "ومن المقرر أن تجتمع لجنة السياسة النقدية بالبنك المركزي المصري الشهر المقبل لتحديد أسعار الفائدة، وسط توقعات بالإبقاء عليها دون تغيير.")}
</div></div></div>
<div class="leftCol"><h3>الأكثر قراءة</h3><ul><li><a href="/news/view.aspx?cdate=18062024&amp;id=1">الأرصاد: انخفاض طفيف في درجات الحرارة</a> <span>الثلاثاء 18 يونيو 2024 - 8:15 م</span></li></ul></div></div>
{FOOTER}</form></body></html>"""
expected["09_arabic_words_date.html"] = {"cms": "ASP.NET, date only in Arabic words", "title": title,
                                          "outlet": ["الشروق", "بوابة الشروق"], "url": url, "published": "2024-06-19"}

# 10. Canonical vs og:url vs saved-from: the canonical is the clean address; og:url the mobile site; saved-from carries fbclid.
url = "https://www.hespress.com/الحكومة-المغربية-ترفع-الحد-الأدنى-للأجور-1375321.html"
title = "الحكومة المغربية ترفع الحد الأدنى للأجور بنسبة 5 في المائة"
pages["10_canonical_ogurl_savedfrom.html"] = f"""<!DOCTYPE html>
{saved_from('https://www.hespress.com/?p=1375321&fbclid=IwAR2xYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789')}
<html dir="rtl" lang="ar"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta property="og:url" content="https://m.hespress.com/الحكومة-المغربية-ترفع-الحد-الأدنى-للأجور-1375321.html?utm_source=fb">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Hespress - هسبريس جريدة إلكترونية مغربية">
<meta property="article:published_time" content="2024-06-18T22:41:00+00:00">
<meta property="article:modified_time" content="2024-06-19T07:05:00+00:00">
<title>{title} | هسبريس</title><link rel="shortlink" href="https://www.hespress.com/?p=1375321">
<link rel="canonical" href="{url}"></head>
<body class="post-template-default single single-post"><header class="header">{NAV}</header>
<div class="container"><div class="post-details"><h1 class="post-title">{title}</h1>
<div class="author-date"><span class="author">هسبريس من الرباط</span><span class="date-post">الثلاثاء 18 يونيو 2024 - 23:41</span></div>
<div class="article-content">
{paras("قررت الحكومة المغربية رفع الحد الأدنى للأجور في القطاعين العام والخاص بنسبة خمسة في المائة ابتداء من شهر يوليو المقبل، تنفيذا لاتفاق الحوار الاجتماعي الموقع مع النقابات.",
       "وقال الناطق الرسمي باسم الحكومة في ندوة صحفية عقب اجتماع مجلس الحكومة إن الزيادة ستشمل أيضا الحد الأدنى للأجر في القطاع الفلاحي، في إطار توحيده تدريجيا مع باقي القطاعات.",
       "وأضاف أن الحكومة خصصت اعتمادات مالية إضافية لتغطية كلفة الزيادة في أجور الموظفين، مشيرا إلى أنها تهدف إلى تحسين القدرة الشرائية للأسر في ظل ارتفاع الأسعار.",
       "ورحبت النقابات الأكثر تمثيلية بالقرار، لكنها طالبت بمراجعة الضريبة على الدخل وتوسيع الاستفادة من الزيادة لتشمل المتقاعدين.")}
</div></div></div>{FOOTER}</body></html>"""
expected["10_canonical_ogurl_savedfrom.html"] = {"cms": "canonical vs og:url vs saved-from", "title": title,
                                                  "outlet": ["هسبريس", "Hespress"], "url": url, "published": "2024-06-18"}

# 11. An old table-layout page in windows-1256; the issue line carries a Hijri date before the Gregorian one.
url = "https://www.alriyadh.com/2084512"
title = "أمانة الرياض تطلق مشروعا لزراعة مليون شجرة في أحياء العاصمة"
html = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
{saved_from('https://www.alriyadh.com/2084512')}
<html dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>جريدة الرياض | {title}</title><meta name="description" content="{title}">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="جريدة الرياض">
<link rel="canonical" href="{url}"></head>
<body topmargin="0" leftmargin="0"><table width="980" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="2"><img src="/images/logo.gif" alt="جريدة الرياض"></td></tr>
<tr><td colspan="2" class="issue">جريدة الرياض - العدد 20512 - الأربعاء 13 ذو الحجة 1445هـ - 19 يونيو 2024م</td></tr>
<tr><td width="700" valign="top"><h1 class="article-title">{title}</h1>
<div class="article-author">الرياض - خالد الربيش</div>
<div class="article-text">
{paras("أطلقت أمانة منطقة الرياض مشروعا لزراعة مليون شجرة في أحياء العاصمة خلال العامين المقبلين، ضمن مبادرة الرياض الخضراء الهادفة إلى زيادة الغطاء النباتي وتحسين جودة الهواء.",
       "وقال أمين منطقة الرياض إن المشروع يشمل تشجير الحدائق العامة والشوارع الرئيسية وممرات المشاة، باستخدام أنواع من الأشجار المحلية التي تتحمل الحرارة وتحتاج إلى كميات قليلة من المياه.",
       "وأوضح أن الأمانة ستعتمد على المياه المعالجة في ري الأشجار، مشيرا إلى أن شبكة الري الجديدة ستغطي أكثر من مئتي حي في مختلف أنحاء المدينة.",
       "ودعت الأمانة السكان إلى المشاركة في المبادرة من خلال زراعة الأشجار أمام منازلهم، والإبلاغ عن أي تعديات على المسطحات الخضراء عبر تطبيقها الإلكتروني.")}
</div></td>
<td width="280" valign="top"><b>مقالات سابقة</b><br><a href="/2084001">ارتفاع درجات الحرارة في المنطقة الوسطى</a> 18/06/2024<br></td></tr>
<tr><td colspan="2" align="center">جميع الحقوق محفوظة لمؤسسة اليمامة الصحفية</td></tr></table></body></html>"""
pages["11_windows_1256.html"] = html.encode("cp1256")
expected["11_windows_1256.html"] = {"cms": "windows-1256, table layout, Hijri date first", "title": title,
                                     "outlet": ["جريدة الرياض", "الرياض"], "url": url, "published": "2024-06-19"}

# 12. A live blog (Al Arabiya-like), Chrome MHTML: no scripts; the headline carries "مباشر", updates with later times.
url = "https://www.alarabiya.net/arab-and-world/2024/06/19/مباشر-تطورات-الحرب-في-غزة-اليوم-257"
title = "مباشر.. تطورات الحرب في غزة لليوم الـ257"
updates = [("2024-06-20T06:15:00Z", "09:15", "الخميس 20 يونيو", "أفاد الدفاع المدني في غزة بانتشال جثامين عدد من الضحايا من تحت أنقاض منزل استهدف في حي الشجاعية خلال الليل."),
           ("2024-06-19T21:40:00Z", "00:40", "الخميس 20 يونيو", "قال الجيش الإسرائيلي إنه قصف أكثر من أربعين هدفا في قطاع غزة خلال الساعات الأربع والعشرين الماضية، بينها منصات لإطلاق الصواريخ."),
           ("2024-06-19T12:05:00Z", "15:05", "الأربعاء 19 يونيو", "أعلنت وزارة الصحة في غزة ارتفاع حصيلة القتلى منذ بدء الحرب، مشيرة إلى أن معظم الضحايا من النساء والأطفال."),
           ("2024-06-19T05:30:00Z", "08:30", "الأربعاء 19 يونيو", "بدأت التغطية المباشرة لتطورات الحرب في غزة لليوم السابع والخمسين بعد المئتين، مع استمرار القصف على رفح ووسط القطاع.")]
entries = "\n".join(f'<div class="live-update"><time datetime="{d}" class="live-time">{hm} - {day}</time><p>{t}</p></div>' for d, hm, day, t in updates)
html = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><link rel="stylesheet" type="text/css" href="cid:css-1b2c3d4e@mhtml.blink" />
<title>{title}</title><meta property="og:title" content="{title}"><meta property="og:site_name" content="العربية">
<meta property="og:url" content="{url}"><meta property="og:type" content="article">
<meta property="article:published_time" content="2024-06-19T05:30:00Z"><meta property="article:modified_time" content="2024-06-20T06:15:00Z">
<meta name="twitter:site" content="@AlArabiya"><link rel="canonical" href="{url}"></head>
<body class="live-page"><header class="header"><a href="/" class="header_logo"><img alt="العربية" src="/logo.svg"></a>{NAV}</header>
<main><article class="article live"><span class="live-badge">مباشر</span><h1 class="headingInfo_title">{title}</h1>
<div class="timeInfo"><span class="timeInfo-published">نشر في: 19 يونيو ,2024: 08:30 ص GST</span><span class="timeInfo-updated">آخر تحديث: 20 يونيو ,2024: 09:15 ص GST</span></div>
<div class="live-summary"><p>تتواصل الحرب في قطاع غزة لليوم السابع والخمسين بعد المئتين، وسط تصاعد القصف الإسرائيلي على رفح ومخيمات وسط القطاع، وتعثر مفاوضات وقف إطلاق النار.</p></div>
<div class="live-feed">{entries}</div></article></main>{FOOTER}</body></html>"""
pages["12_live_blog.mhtml"] = mhtml(html, url, title, date="Thu, 20 Jun 2024 06:30:02 -0000")
expected["12_live_blog.mhtml"] = {"cms": "live blog, Chrome MHTML", "title": title.replace("مباشر.. ", ""),
                                   "title_also": [title], "outlet": ["العربية", "العربية.نت", "Al Arabiya"], "url": url, "published": "2024-06-19"}

for name, content in pages.items():
    path = OUT / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
(OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(pages), "pages")
