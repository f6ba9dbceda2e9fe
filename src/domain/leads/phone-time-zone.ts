/**
 * The time zone a number rings in, for calling-hours rules. Single-zone countries map
 * directly; the US and Canada use an area-code table (NANP). Unknown: null, and the
 * caller falls back to the organisation's zone.
 */

const COUNTRY_ZONES: Record<string, string> = {
  CN: 'Asia/Shanghai',
  GB: 'Europe/London',
  // Crown dependencies: +44 numbers that libphonenumber gives a region of their own.
  GG: 'Europe/Guernsey',
  JE: 'Europe/Jersey',
  IM: 'Europe/Isle_of_Man',
  IE: 'Europe/Dublin',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  PL: 'Europe/Warsaw',
  SE: 'Europe/Stockholm',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  SG: 'Asia/Singapore',
  HK: 'Asia/Hong_Kong',
  TW: 'Asia/Taipei',
  IN: 'Asia/Kolkata',
  NZ: 'Pacific/Auckland',
};

const NANP_ZONES: Record<string, string> = {};
function zone(tz: string, codes: string): void {
  for (const code of codes.split(' ')) NANP_ZONES[code] = tz;
}
zone(
  'America/New_York',
  '201 202 203 207 212 215 216 234 239 240 248 267 269 276 301 302 304 305 315 321 326 330 332 336 339 347 351 352 380 386 401 404 407 410 412 413 434 440 443 445 470 475 478 484 508 513 516 517 518 540 551 561 567 570 571 585 586 603 607 609 610 614 616 617 631 640 646 656 667 678 680 681 689 703 704 706 716 717 718 724 727 732 734 740 754 757 762 770 772 774 781 786 802 803 804 810 813 814 828 843 845 848 854 856 857 860 862 863 864 866 878 904 908 910 912 914 917 919 929 934 937 941 947 954 959 973 978 980 984 989',
);
zone(
  'America/Chicago',
  '205 210 214 217 218 219 224 225 251 254 256 262 281 309 312 314 316 318 319 320 331 334 337 346 361 409 414 417 430 432 469 479 501 504 507 512 515 563 573 580 601 605 608 612 615 618 620 630 636 641 651 662 682 708 712 713 715 731 737 763 769 773 779 785 806 815 816 817 830 832 847 870 872 901 903 913 918 920 931 936 940 952 956 972 979 985',
);
zone('America/Denver', '303 307 385 406 435 505 575 719 720 801 970');
zone('America/Phoenix', '480 520 602 623 928');
zone(
  'America/Los_Angeles',
  '702 206 209 213 253 279 310 323 341 360 408 415 424 425 442 458 503 509 510 530 541 559 562 564 619 626 628 650 657 661 669 707 714 725 747 760 775 805 818 820 831 858 909 916 925 949 951 971',
);
zone('America/Anchorage', '907');
zone('Pacific/Honolulu', '808');
zone('America/Toronto', '226 249 289 343 365 416 437 519 548 613 647 705 807 905');
zone('America/Montreal', '367 418 438 450 514 579 581 819 873');
zone('America/Vancouver', '236 250 604 672 778');
zone('America/Edmonton', '368 403 587 780 825');
zone('America/Winnipeg', '204 431');
zone('America/Regina', '306 639');
zone('America/Halifax', '782 902');
zone('America/St_Johns', '709');

/** IANA zone of an E.164 number, or null when the number spans zones we cannot tell apart. */
export function timeZoneForNumber(e164: string, region: string): string | null {
  if (region === 'US' || region === 'CA') return NANP_ZONES[e164.slice(2, 5)] ?? null;
  return COUNTRY_ZONES[region] ?? null;
}
