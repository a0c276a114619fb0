// Broken documents that the CLI fuzzer found the HTML output getting wrong, each reduced to a few
// lines: the output must still give back both documents (accept, reject) and a browser (parse5)
// must build what the renderer meant, both ways round and for the review page too.

import { parse } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import type { DiffOptions } from "../../src/options.js";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { loadIgnoreEngines } from "../../src/text/ignore-engines.js";
import { firstEventDifference, parse5Checker } from "../support/html-check.js";

const HEAD = `<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>T</title>\n</head>\n`;
const PAGE = `${HEAD}<body>\n  <p>Hello <b>world</b>.</p>\n  <script src="app.js"></script>\n</body>\n</html>\n`;

/** The selector the fuzzer's ignore options use. */
const IGNORE: DiffOptions = { ignoreElements: ["b, li:nth-child(2)"] };
/** White space compared as nothing (-w), and comments left out (--ignore-comments). */
const WHITESPACE: DiffOptions = { ignoreWhitespace: true };
const COMMENTS: DiffOptions = { ignoreComments: true };

/** Pairs of old and new documents, named by what is broken in them, with the options they are compared with. */
const CASES: readonly { name: string; a: string; b: string; maxWork?: number; options?: DiffOptions }[] = [
  { name: "text before the root element", a: PAGE, b: PAGE.replace("<!DOCTYPE html>", "<!DOCTYPE html>l>") },
  { name: "root element renamed by a stray <", a: PAGE, b: PAGE.replace("<html", "<h<html") },
  { name: "a new element swallows head and body", a: PAGE, b: PAGE.replace("<head>", "<h\n<head>") },
  { name: "a new element in head swallows the rest of it", a: PAGE, b: PAGE.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  <m <meta name="x">') },
  { name: "body end tag broken, matched line by line", a: PAGE, b: PAGE.replace("</body>", "</b</body>"), maxWork: 1 },
  { name: "whole document replaced by a bare <", a: PAGE, b: "<" },
  { name: "an svg tag cut off by the end of the file", a: `<p>a <svg viewBox="0 0 1 1"><path d="M0"/><path fill-rule=`, b: `<p>a <svg viewBox="0 0 1 1"><path d="M0"/><path fill-rule=` },
  { name: "dd nested in an unknown element inside a dd", a: "<dl><dt>a<dd>b. <p>c</p><dt>d</dl>", b: "<dl><dt>a<dd>b. <only x <a>c</a>: d.<dd>e<dt>f<p>c</p><dt>d</dl>" },
  {
    name: "table parts outside any table",
    a: "table>\n<thead><tr><th> Name<th> Char</thead>\n<tbody><tr><td>x</td></tr>",
    b: "table>\n<thead><tr><th> Name<th> Char</thead>table>\n<thead><tr><th> Name<th> Char</thead>\n<tbody><tr><td>x</td></tr>",
  },
  {
    name: "a row whose attribute swallows the next rows",
    a: '<table><tbody>\n<tr class="c"><td>2016</td>\n</tr>\n<tr><td id="t"><span></span></td></tr></tbody></table>',
    b: '<table><tbody>\n<tr class="c"><td>2016</td>\n</tr>\n<tr class="s"><td id=">x</th>\n</tr>\n<tr class="c"><td colspan="2">2016</td>\n</tr>\n<tr><td id="t"><span></span></td></tr></tbody></table>',
  },
  { name: "text between a cell and the row's end", a: "<h3>P</h3><table><tr><td>No</td>\n</tr></table>", b: "<h3>P</h3><table><tr><td>No</td>\u0001 </tr></table>" },
  { name: "a doctype with a control character for its space", a: PAGE, b: "<!DOCTYPE\u0001html>" },
  { name: "a legacy reference running into a word", a: "<p>After creating the <code>Document</code> object</p>", b: "<p>After creating the <code>&ampDocument</code> object</p>" },
  { name: "template content cut off by the end of the file", a: "<template></", b: "<template><p></" },
  { name: "a processing instruction cut off inside a template", a: '<template><?xml version="1.0"?>', b: '<template><?xml version="1.0"' },
  { name: "CDATA in svg holding -->, cut off by the end of the file", a: "<p>x</p>", b: "<svg><![CDATA[<p>a</p><!--c-->\n<p>b" },
  { name: "CDATA in svg against a declaration, cut off", a: "<svg><![CDATA[", b: "<svg><!cdata[" },
  { name: "CDATA in svg against a comment", a: "<svg><![CDATA[x]]></svg><p>y</p>", b: "<svg><!--x--></svg><p>y</p>" },
  { name: "a plaintext element, which would swallow the page", a: "<plaintext>", b: "<plaintext>" },
  { name: "a plaintext element deleted before new content", a: "<p>x</p><plaintext>y<b>z</b>", b: "<p>x</p><p>w</p>" },
  { name: "an unclosed style inside a plaintext cut off by the end of the file", a: "<p>x</p>", b: "<p>x</p><b><plaintext>?><i>y <style>" },
  { name: "an attribute whose name starts with =", a: '<div =x>y</div><p "q=1 <r=2>z</p>', b: '<div class="c">y</div><p>z</p>' },
  {
    name: "a repeated attribute",
    a: '<link rel="icon" href="/a.svg" type="image/svg+xml">\n<link rel="apple" href="b.png">',
    b: '<link rel="icon" href="/a.svg" type="image/svg+xml\u0001>\n<link rel="apple" href="b.png">',
  },
  { name: "a tag name with a no-break space in it", a: 's="An<p\u00a0&lt;<img src=a.png alt="A">&<b class=x>y</b>', b: '3--> don’t>="<p class=Up>\n日本語&<textarea>Je</textarea>' },
  { name: "a CDATA section cut off, holding a script start tag", a: "<p>x</p>", b: "<p>x</p><![CDATA[ \n&#65;!<!-<style><script>e text</b>3.14" },
  { name: "a comment a browser ends early at --!>", a: "<p>x</p>", b: "<p>x</p><!-- a --!> <script>alert(1)</script> -->" },
  { name: "a document starting with U+FEFF as text", a: "\uFEFF<b:c x=1 b:y='2'>a", b: "\uFEFF<b:c x=1 b:dc!?4r<b>a" },
  {
    name: "an element in a table holding table parts, in a document a browser reads differently",
    a: `<dl><dd>a<span><dd>b</span></dl><div><table class="def">\n<caption>\nC:\n</caption>\n<thead>\n<tr>\n<th scope="col">Ch</th>\n<th scope="col">V</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<th scope="row">A:</th>\n<td> </td>\n</tr>\n</tbody>\n</table></div>`,
    b: `<dl><dd>a<span><dd>b</span></dl><div><table class="def">\n<h scope="col">Ch</th>\n<th scope="col">V</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<th scope="row">A:</th>\n<td> </td>\n</tr>\n</tbody>\n</table></div>`,
  },
  { name: "a plaintext element inside a template", a: "<p>x</p><template><b>t</b><plaintext>y</template><p>z</p>", b: "<p>x</p><template><b>u</b><plaintext>y</template><p>w</p>" },
  { name: "CDATA in svg cut off, against a paragraph breaking out of the svg", a: "<svg><![CDATA[<", b: "<svg><p><![CDATA[<" },
  { name: "a table in a paragraph, which the page's standards mode closes", a: "<p><a href='/a?b=1&amp;c=2'><table>", b: "<p><a href='/a?b=1&amp;c=2'><table>" },
  { name: "a no-break space inserted directly in a table, which a browser moves out of it", a: "<table><tr><td>x</td></tr></table>", b: "<table>\u00a0<tr><td>x</td></tr></table>" },
  {
    name: "an option holding an input, which closes the select in a browser",
    a: "<select><option>x</option></select>",
    b: "<select><option>ภาษา<div>.<input disabled>\n<b><p>h</p></b></div></option></select>",
  },
  {
    name: "a replaced svg holding a b, which a browser reads as HTML after closing the svg",
    a: '<svg><path d="M0"/></svg>="<div>x</div>',
    b: '<svg><b></textarea>y"><path d="M0"/></svg>="<div>x</div>',
  },
  { name: "a doctype inside a template", a: "<p>a</p>", b: "<p>a</p><template><!DOCTYPE html>x</template>" },
  { name: "a CDATA section in MathML's mi, cut off by the end of the file", a: "<p>a</p>", b: '<p>a</p><math><mi><E/><![CDATA[<?pi data?><a href="]]>' },
  { name: "a declaration whose name has capitals", a: "<p>a</p>", b: '<p>a</p><!>}<&lt;x"I QcUm:FHTYPE html>y' },
  { name: "end tags that close nothing, one with a no-break space after its name", a: "<p>a</p>", b: "<p>a</p><b>x</td></p\u00a0<<!DOCTYPE html>y</b></i>" },
  { name: "a table deleted where a browser closes the open table", a: "<table><a href=x>y</a><table><tr><td>", b: "<table><a href=x>y</a><ta<div =x>z" },
  { name: "an end tag holding a quote inside a template", a: "<p>a</p><template>x</template>", b: "<p>a</p><template></p x='1>y</template>z" },
  { name: "a nameless declaration", a: "<p>a</p>", b: "<p>a</p><b>t<! ><i>x</i></b>" },
  { name: "an end tag that closes nothing, with a CR in it", a: "<p>a</p>", b: "<p>a</p><b>x</caf y='z\r\n>y</b>" },
  { name: "an end tag that closes nothing inside an svg", a: "<p>a</p>", b: "<p>a</p><svg><path/>x</f>y</svg>" },
  { name: "a doctype after inserted content at the top", a: "<!DOCTYPE html>x", b: "<!D<?pi?><!DOCTYPE html>x" },
  { name: "a declaration ending in a no-break space, in a document a browser reads differently", a: "<table>t</table>", b: "<table>t</table><!x\u00a0>y" },
  { name: "a processing instruction with a CR in it", a: "<p>a</p>", b: "<p>a</p><?x\r\ny?>z" },
  { name: "text and a marker a browser moves out of a table, in order", a: "<table><table><ul>w</ul>", b: "<table><table><<meta charset= !!l>w" },
  { name: "an end tag whose name runs on past a slash, at the start", a: "<p>a</p>", b: "</p/G8<b>x</b><p>a</p>" },
  {
    name: "a plaintext inside an inserted svg, in a document a browser reads differently",
    a: 'H<div =x>3.14<script>if (a<b) x()</script><title>T &amp; U</title><style>p>a{color:red}</style><div class="x" id=y><svg viewBox="0 0 1 1"><path d="M0"/></svg>?\\</P><table><li>  hellohelloQ><i><script>if (a<b) x()</script>\t<br>',
    b: 'H<div =x>3.14<script>if (a<b) x()</script><title>T &amp; U</title><style>p>a{color:red}</style><div class="x" id=y><svg viewBox="0 0 1 1"--><plaintext>& <&amp;"M0"/></svg>?\\</P><table><li>  hellohelloQ><i><script>if (a<b) x()</script>\t<br>',
  },
  { name: "a plaintext inside an svg cut off by the end of the file", a: "<p>a</p>", b: "<p>a</p><svg><plaintext>x<path/>" },
  { name: "an empty declaration <!> before an end tag", a: "<p>a</p>", b: "<p>a</p><!></textarea><!-- note -->x" },
  { name: "a deleted paragraph under a td outside any table, which a browser ignores", a: "<p>a<b>b<td>c<p class=U><textarea>x</textarea>", b: "<p>a<b>b<td>c<i>y</i>" },
  {
    name: "an input inside a select, which closes it in a browser",
    a: "<p>a</p><select><option>x</option></select>",
    b: "<p>a</p><select><option>x</option><span>&ion><input disabled></span></select>",
  },
  {
    name: "a title changed inside a table, which a browser moves out before the table",
    a: "<li><table><title>T &amp; U</title><input disabled>x",
    b: "<li><table><title>Tmp; U</title><input disabled>x",
  },
  { name: "a start tag cut off after its slash at the end, after </>", a: "</>x<f><p/", b: "<a>y</a>" },
  { name: "a table holding a title deleted inside a list item", a: "<p><li><table><title>", b: "<p><li>" },
  { name: "a formatting element deleted between nested links", a: "<a><a><i><a>", b: "<a><a>" },
  { name: "a script inserted whose end tag has a slash after its name", a: "<p>x</p><b:c>K", b: "<p>x</p><script>y</script/b:c><b:c>K" },
  { name: "a link deleted under a row outside any table, inside a link", a: "<a><tr><a>", b: "<a><tr>" },
  { name: "a CDATA section holding --> in MathML's mi, cut off by the end of the file", a: "<p>a</p>", b: "<p>a</p><math><mi><![CDATA[--><t" },
  { name: "a CDATA section holding --> and a select start tag, under a row outside any table", a: "<tr>", b: "<tr><![CDATA[--><select>" },
  { name: "</ and a space, which a browser reads as a comment, in an svg", a: "", b: "<svg></\t></svg>" },
  { name: "</ and a space in a paragraph", a: "<p>a</p>", b: "<p>a</ >b</p>" },
  { name: "a CDATA section in an mi inside an svg (an SVG element there, not MathML's)", a: "", b: "<svg><mi><![CDATA[]]></svg>" },
  { name: "a link holding a table inserted directly in a table", a: "<table>", b: "<table><a><table>" },
  { name: "a textarea in an svg, an SVG element whose content is markup", a: "", b: "<svg/l><textarea><b</textarea></svg>" },
  { name: "a style in an svg holding a CDATA section cut off by the end of the file", a: "", b: "<svg><style><![CDATA[" },
  { name: "a table cell in MathML's mi, inserted directly in a table", a: "<table>", b: "<table><math><mi><td>" },
  { name: "a title deleted after a cell, under an element a browser moves out of the table", a: "<table><E><td></td><title>", b: "<table><E>" },
  { name: "a comment ending early before a script start tag, inserted in a table", a: "<table><", b: "<table><![CDATA[--><script>" },
  { name: "a comment ending early before a p start tag, against a deleted p", a: " Y<b:c></b:c><P>", b: " Y<b:c><![CDATA[><P -->" },
  { name: "a comment ending early before a start tag, against an inserted link", a: "<![CDATA[--><a ", b: "<a><svg><![CDATA[y" },
  { name: "text deleted in a table nested in a link moved out of the outer table", a: "<table><a><table><", b: "<table><a><table><?>" },
  { name: "a script holding <!--<script></script>, which does not end it", a: "<p>a</p>", b: "<p>a</p><script><!--<script></script><b>x</b></script><i>y</i>" },
  { name: "a body start tag inside a paragraph", a: "", b: "<p><body>" },
  { name: "text before the root element against an inserted root", a: ">", b: "<html>\nt" },
  { name: "white space inserted after the root element", a: "<html>D", b: " " },
  { name: "a head holding text, deleted", a: "<html><head>a", b: "<html>" },
  { name: "a head holding a paragraph, deleted", a: "<html><head><p>a</p></head>", b: "<html>" },
  { name: "an html start tag inserted after text", a: ">", b: "><html>t" },
  { name: "a body deleted after text before the root", a: "><html><body><", b: "><html>" },
  { name: "a title in html against a head", a: "<html><head>", b: "<html><title>" },
  { name: "a link in html against an empty head", a: "<html><head></head><tr>", b: "<html><link><tr>" },
  { name: "an iframe holding an end tag that closes nothing, cut off by the end of the file", a: "><head>", b: "><head><iframe></l>" },
  { name: "a body inserted after a paragraph kept in the head", a: "<html><head><p>", b: "<html><head><p></head><body>i" },
  { name: "an svg holding </p>, against one without", a: '<svg viewBox="0 0 1 1"><path d="M0"/></svg><tr>', b: '<svg viewBox="0 0 1 1"--!></p>><path d="M0"/></svg><tr>' },
  { name: "an element inserted directly in html after a deleted body", a: "<html><body>", b: "<html><e>" },
  { name: "a head inserted after a deleted body", a: "<html><head></head><body>x</body>", b: "<html><body>x</body><head><title>t</title></head>" },
  { name: "a title start tag ending in />, cut off by the end of the file", a: "<p>a</p>", b: '<p>a</p><title <E Attr="V"/><?xml version="1.0"?>x<i>y</i>' },
  { name: "a script in an svg holding a reference in markup", a: "<p>a</p>", b: "<p>a</p><svg><path/><script>if (a<b) x()</script>t</f>&lt;z" },
  { name: "text kept directly in html after an inserted body", a: "<html>>", b: "<html><body></body>>" },
  { name: "a paragraph kept directly in html after an inserted body", a: "<html><p>x</p>", b: "<html><body></body><p>x</p>" },
  { name: "a title kept directly in html after an inserted head", a: "<html><title>t</title><p>x", b: "<html><head></head><title>t</title><p>x" },
  { name: "a body start tag inserted in a table, with text after it", a: "<table>h", b: "<table><body>>" },
  { name: "text inserted in an unknown element in a select", a: "<select><x>", b: "<select><x>i" },
  { name: "an svg left by a <b>, in a link before a second link", a: "<svg><![CDATA[/", b: "<a><svg><b></svg><a>" },
  { name: "an iframe holding an end tag that closes nothing, in an inserted body", a: "", b: "<body><iframe></span>", maxWork: 4 },
  { name: "a row and table inserted in a cell, before a deleted cell", a: "<table><tr><td></td>><td>&", b: "<table><tr><td><d><tr><table>" },
  { name: "an iframe holding >, its end tag cut off by the end of the file", a: "><body>", b: "><body><iframe>></iframe\n" },
  { name: "an svg title holding an element left open at the end of the svg", a: '<svg viewBox="0 0 1 1"><path d="M0"/></svg>', b: '<svg viewBox="0 0 1 1"<p><title>><path d="M0"/></svg>' },
  { name: "a noscript holding a style, both cut off by the end of the file, unchanged", a: "<noscript><style>x", b: "<noscript><style>x" },
  { name: "a noscript holding </, cut off by the end of the file, unchanged", a: "<noscript></", b: "<noscript></" },
  { name: "a noscript holding </, cut off by the end of the file, inserted", a: "", b: "<noscript></" },
  { name: "a title in a select holding markup, unchanged", a: "<select><title><option>", b: "<select><title><option>" },
  { name: "a title in a select holding a tag cut off by the end of the file, inserted", a: " <", b: " <<select><title><p" },
  { name: "a script cut off by the end of the file inside <!--<script>, inserted", a: "<p>x", b: "<p>x<script><!--<script>" },
  { name: "a script cut off by the end of the file inside <!--<script>, unchanged", a: "<p>x<script><!--<script>", b: "<p>x<script><!--<script>" },
  { name: "a script cut off by the end of the file inside <!--<script>, after a changed word", a: "<p>x<script><!--<script>a", b: "<p>y<script><!--<script>a" },
  { name: "a script cut off by the end of the file inside <!--<script>, in an inserted element", a: "<p>a</p>", b: "<p>a</p><div><p>x<script><!--<script>" },
  { name: "kept text written otherwise directly in a table row (npm run fuzz, seed 696324205)", a: "<tr>&lt;don’t", b: "<tr><" },
  { name: "an ignored element in an option cut off by the end of the file", a: "<textarea>a &amp; <b></textarea>", b: "<select><option>textarea>a &amp; <b></textarea>", options: IGNORE },
  { name: "an ignored element against a tag cut off by the end of the file", a: "<b>", b: '<A<?xml version="1.0"?><img src=x/', options: IGNORE },
  { name: "an ignored comment in an inserted svg, cut off by the end of the file (seed 909050179)", a: "", b: "<svg><![CDATA[ ", options: { ignoreComments: true } },
  { name: "an ignored element holding a paragraph made by </p>, against CDATA in svg (seed 1731454852)", a: "<b></p>", b: "<svg><![CDATA[<b></p>", options: IGNORE },
  { name: "a declaration cut off by the end of the file, which the parser drops, in an inserted link (seed 909050179)", a: " a", b: " a<a><! ", options: COMMENTS },
  {
    name: "math in a b closed by </b>, written from its events, unchanged (seed 11)",
    a: '<b><math><mi></b><E Attr="V"/><?xml version="1.0"?>',
    b: '<b><math><mi></b><E Attr="V"/><?xml version="1.0"?>',
  },
  { name: "white space against nothing, with -w", a: " ", b: "", options: WHITESPACE },
  { name: "white space around a replaced word and inside a deleted run, with -w", a: "<p>x a  b</p>", b: "<p>x  c</p>", options: WHITESPACE },
  { name: "white space before a deleted element, with -w", a: "<div><p>x</p> <p>y</p></div>", b: "<div><p>x</p></div>", options: WHITESPACE },
  { name: "white space between kept elements written otherwise, with -w", a: "<b>a</b> <i>b</i>", b: "<b>a</b>\n<i>b</i>", options: WHITESPACE },
  { name: "a comment before an inserted element, with --ignore-comments", a: "<p>x<!--c--><b>y</b></p>", b: "<p>x<i>z</i><b>y</b></p>", options: COMMENTS },
  { name: "a tag cut off by the end of the file, inside which the end of html is implied, with -w", a: "><html >", b: "><html ><a e=", options: WHITESPACE },
  { name: "comments that differ between kept elements, with --ignore-comments", a: "<p>a</p><!--x--><p>b</p>", b: "<p>a</p><!--y--><p>b</p>", options: COMMENTS },
  { name: "an ignored comment cut off by the end of the file, in a deleted element (seed 909050179)", a: " of<e><!--X", b: " of", options: COMMENTS },
  { name: "an ignored element holding a tag cut off by the end of the file (seed 88231)", a: "><body>", b: "><body><d><a></a><li><e d ", options: IGNORE },
  {
    name: "an ignored list item holding a link a </p> closes, which a browser reopens (seed 2027)",
    a: "<ol><li><p><li>",
    b: "<ol><li><p><var></var><i></i><li><p><a></a><li><p><a></p>e",
    options: IGNORE,
  },
  { name: "a no-break space before a cell outside a table, deleted before a table, with -w (seed 88231)", a: "<d>\u00a0<td>", b: "<table><tr><th></th>\u00a0", options: WHITESPACE },
  { name: "a no-break space directly in a table before an inserted end tag that closes nothing, with -w (seed 88231, seed 2027)", a: "<table>", b: "<table>\u00a0</>", options: WHITESPACE },
  {
    name: "a no-break space directly in a table before an inserted row, with -w",
    a: "<table><tr><td>x</td></tr></table>",
    b: "<table><tr><td>x</td></tr>\u00a0<tr><td>y</td></tr></table>",
    options: WHITESPACE,
  },
  { name: "white space before an inserted doctype, with -w (seed 2027)", a: "", b: '\n<!DOCTYPE r [<!ENTITY e "v">]>', options: WHITESPACE },
  { name: "an ignored list item holding a select that its end tag leaves open (seed 909050179)", a: "<tr>", b: "<tr><li><li><select></li><i>", options: IGNORE },
  { name: "an ignored element holding a CDATA section in svg cut off by the end of the file", a: " of<e>", b: " of<e><b><svg><![CDATA[x>", options: IGNORE },
  { name: "an ignored element holding </ at the end of the file", a: " of<e>", b: " of<e><b></", options: IGNORE },
  { name: "an ignored list item holding a style cut off by the end of the file, after a <", a: "", b: "<span></span><li><style><", options: IGNORE },
  { name: "a start tag cut off by the end of the file after white space in a head (seed 33)", a: "", b: "<head> <s" },
  { name: "a declaration cut off by the end of the file after white space in a head", a: "", b: "<head> <!x" },
  { name: "an svg kept whole with an ignored CDATA section cut off by the end of the file (seed 33)", a: "<svg><![CDATA[>", b: "<svg><![CDATA[p", options: COMMENTS },
  {
    name: "an ignored CDATA section holding >, in HTML content, beside a select a browser builds otherwise (seed 982716300)",
    a: "<![CDATA[>]]>",
    b: "<select><option><b>",
    options: { ...COMMENTS, ...IGNORE },
  },
  { name: "a kept < last in its text before deleted text that makes it an end tag (seed 1)", a: "x</a><? ", b: "x< " },
  { name: "an ignored CDATA section holding > in HTML content, a bogus comment to a browser, in a cell outside a table (seed 777)", a: "<td><![CDATA[>]]>", b: "<td>", options: COMMENTS },
  { name: "an ignored comment before text inserted directly in a table, which a browser moves out without the comment (seed 1682554113)", a: "<table>", b: "<table><!--x-->e", options: COMMENTS },
  { name: "an ignored comment inside text inserted directly in a table (seed 1682554113)", a: "<table>", b: "<table> <!--x-->e", options: COMMENTS },
  {
    name: "an ignored list item inside an inserted element, which a browser reading it there ends with the list item around it (seed 7)",
    a: "<li><p><var></var><var></var><li>",
    b: "r><li><p><var><var></var><li></var><var></var><li>",
    maxWork: 1,
    options: IGNORE,
  },
  {
    name: "an ignored list item inserted directly in a table, which a browser moves out of it (seed 40)",
    a: "<div><div></div><table><",
    b: "<div><div></div><table><caption></caption><li></li></>",
    maxWork: 1,
    options: { ...WHITESPACE, ...IGNORE },
  },
  { name: "a tbody the parser implies in a plaintext, written from its events, against nothing (seed 1)", a: "", b: "<plaintext><table><td <tbody\n" },
  { name: "a tbody the parser implies in a plaintext beside one written, against nothing", a: "", b: "<plaintext><table><tr><td>x</table><tbody>" },
  {
    name: "an ignored element holding a table whose tbody the parser implies (seed 2042881306)",
    a: "<table><tbody><tr><td>x</table>",
    b: "<table><tbody><tr><td>x</table><b><table><tr><td>y</table></b>",
    options: IGNORE,
  },
  { name: "an ignored list item holding a table whose tbody the parser implies, after a td outside any table (seed 2042881306)", a: "", b: "<td></td <tbody><li><table><tr></table>", options: IGNORE },
  { name: "a textarea cut off by the end of the file inside a self-closed element in a plaintext (seed 7)", a: "", b: '<plaintext><E Attr="V"/><textarea>' },
  { name: "a title cut off by the end of the file inside a self-closed element in a plaintext", a: "", b: "<plaintext><e/><title>" },
  { name: "a tbody the parser implies against a thead, shown as a renamed tag (seed 2042881306)", a: "<table><tr>><tbody\n", b: "<table><thead><tr>" },
  { name: "an end tag closing the tbody a browser adds, with text after it (seed 43)", a: "<table>/", b: "<table><td></tbody>>" },
  {
    name: "an ignored element holding an instruction cut off by the end of the file, unchanged (seed 41)",
    a: "<b><?xml version='1.0' encoding='",
    b: "<b><?xml version='1.0' encoding='",
    options: IGNORE,
  },
  { name: "a kept < last in its text, before markup only on the new side and deleted text on the old (seed 42)", a: "</<s", b: "><<?>" },
  { name: "an ignored list item holding a plaintext, which read in place would take in what follows (seed 41)", a: "<p><li>", b: "<p><li><li><plaintext>", options: IGNORE },
  { name: "a doctype kept in other letters, which compares alike (seed 90001)", a: "<!DOCTYPE html>", b: "<!DOCTyPE html>" },
  { name: "a comment kept in other letters, with --ignore-case", a: "<p>x<!--A-->y", b: "<p>x<!--a-->y", options: { ignoreCase: true } },
  { name: "a template kept whole with other source, holding </p>, which a browser ignores in a template's content (seed 7)", a: "<template></P>", b: "<template></P><li><!DOCTYPE>", options: IGNORE },
  { name: "an ignored element holding a comment a browser ends early, cut off by the end of the file (seed 90001)", a: "\té", b: "\té<b><!----!>c", options: IGNORE },
];

describe("broken input through the HTML output (cases the fuzzer found)", () => {
  beforeAll(() => loadIgnoreEngines());
  for (const { name, a, b, maxWork, options } of CASES) {
    for (const [label, x, y] of [
      ["old → new", a, b],
      ["new → old", b, a],
    ] as const) {
      it(`${name} (${label})`, () => {
        const script = diffDocuments(x, y, { ...(maxWork === undefined ? {} : { maxWork }), ...options });
        const check = parse5Checker({ a: x, b: y });
        for (const [format, output] of [
          ["html", renderHtml(script)],
          ["page", renderPage(script)],
        ] as const) {
          expect(firstEventDifference(accept(output), y, "html"), `${format}: accept`).toBeNull();
          expect(firstEventDifference(reject(output), x, "html"), `${format}: reject`).toBeNull();
          expect(check(output), `${format}: parse5`).toBeNull();
        }
      });
    }
  }
});

describe("a limit of the check's browser, parse5 (docs/tricky-cases.md)", () => {
  /** An inserted row holding a template whose content holds a row start tag (seed 2042881306, round trip 578). */
  const [a, b] = ["<table><tr><th><tbody>", "<table><tr><th><tbody><tr><template><td><tr>"];

  it("parse5 still ends the row at a row start tag in a template's content, which the spec and Chromium ignore", () => {
    const table = parse("<table><tr><template><td></td><tr>").childNodes[0]!;
    const rows = JSON.stringify(table, (key, value: unknown) => (key === "parentNode" ? undefined : value)).match(/"nodeName":"tr"/g) ?? [];
    // Two rows: parse5's table scope is not bounded by template. Once this fails, the limit is gone: drop this test and the note.
    expect(rows).toHaveLength(2);
  });

  it("that pair still gives both documents back", () => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const script = diffDocuments(x, y);
      for (const output of [renderHtml(script), renderPage(script)]) {
        expect(firstEventDifference(accept(output), y, "html")).toBeNull();
        expect(firstEventDifference(reject(output), x, "html")).toBeNull();
      }
    }
  });
});
