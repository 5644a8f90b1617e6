#!/usr/bin/env python3
"""Writes data/quang-binh-2024.json and .csv: the 16 areas of Kế hoạch 13/KH-BCĐ (2024) with
SYNTHETIC figures (no per-area data is public). Chosen so that a run shows passes, failures,
an unknown verdict with its missing input, and a relapse. Run from the repository root."""
import csv, json

NOTE = ("DỮ LIỆU GIẢ LẬP / SYNTHETIC DATA: tên địa bàn theo Kế hoạch 13/KH-BCĐ ngày 23/01/2024 "
        "(Quảng Bình); mọi số liệu là giả lập để minh họa, không phải số liệu thật.")

def selected(id, name, district, nhom, **over):
    v = {"nhom": nhom, "dien": "chon_moi", "xa_hoi_den@ca_nam": False,
         "vu_pham_phap@truoc": 18, "vu_pham_phap@ca_nam": 12, "vu_kham_pha@ca_nam": 11,
         "vu_nghiem_trong@ca_nam": 2, "vu_nghiem_trong_kham_pha@ca_nam": 2,
         "tin_bao@ca_nam": 20, "tin_bao_giai_quyet@ca_nam": 20, "mo_hinh_tu_quan@ca_nam": 2,
         "nguoi_ra_tu@ca_nam": 12, "nguoi_ra_tu_tai_pham@ca_nam": 1,
         "ty_le_ho_tuyen_truyen@ca_nam": "100%"}
    if nhom == "ma_tuy":
        v["tu_diem_ma_tuy@ca_nam"] = 0
    v.update(over)
    return {"id": id, "name": name, "district": district, "values": {k: x for k, x in v.items() if x is not None}}

def monitored(id, name, district, nhom, **over):
    v = {"nhom": nhom, "dien": "theo_doi", "xa_hoi_den@sau_thang": False,
         "vu_pham_phap@cung_ky": 6, "vu_pham_phap@sau_thang": 5, "vu_kham_pha@sau_thang": 5}
    if nhom == "ma_tuy":
        v["tu_diem_ma_tuy@sau_thang"] = 0
    v.update(over)
    return {"id": id, "name": name, "district": district, "values": v}

areas = [
    selected("vinh-ninh", "Xã Vĩnh Ninh", "Huyện Quảng Ninh", "ttxh"),
    selected("quang-chau", "Xã Quảng Châu", "Huyện Quảng Trạch", "ttxh", **{"vu_pham_phap@truoc": 15, "vu_pham_phap@ca_nam": 10, "vu_kham_pha@ca_nam": 9}),
    # clearance 9 of 12 = 75% < 80%: not converted; 1 more case cleared would pass
    selected("quang-minh", "Xã Quảng Minh", "Thị xã Ba Đồn", "ttxh", **{"vu_kham_pha@ca_nam": 9}),
    selected("phong-hoa", "Xã Phong Hoá", "Huyện Tuyên Hoá", "ttxh", **{"vu_pham_phap@truoc": 10, "vu_pham_phap@ca_nam": 8, "vu_kham_pha@ca_nam": 8, "ty_le_ho_tuyen_truyen@ca_nam": "92.5%"}),
    selected("hoa-son", "Xã Hoá Sơn", "Huyện Minh Hoá", "ttxh", **{"vu_pham_phap@truoc": 9, "vu_pham_phap@ca_nam": 6, "vu_kham_pha@ca_nam": 6, "vu_nghiem_trong@ca_nam": 0, "vu_nghiem_trong_kham_pha@ca_nam": 0}),
    # one drug hot spot left: not converted
    selected("son-thuy", "Xã Sơn Thủy", "Huyện Lệ Thủy", "ma_tuy", **{"tu_diem_ma_tuy@ca_nam": 1}),
    # the number of drug hot spots was not reported: the verdict is unknown
    selected("bac-ly", "Phường Bắc Lý", "Thành phố Đồng Hới", "ma_tuy", **{"tu_diem_ma_tuy@ca_nam": None, "vu_pham_phap@truoc": 30, "vu_pham_phap@ca_nam": 21, "vu_kham_pha@ca_nam": 19}),
    selected("phong-nha", "Thị trấn Phong Nha", "Huyện Bố Trạch", "ma_tuy", **{"vu_pham_phap@truoc": 14, "vu_pham_phap@ca_nam": 9, "vu_kham_pha@ca_nam": 8}),
    monitored("kien-giang", "Thị trấn Kiến Giang", "Huyện Lệ Thủy", "ma_tuy"),
    monitored("ham-ninh", "Xã Hàm Ninh", "Huyện Quảng Ninh", "ttxh"),
    monitored("bac-nghia", "Phường Bắc Nghĩa", "Thành phố Đồng Hới", "ma_tuy", **{"vu_pham_phap@cung_ky": 9, "vu_pham_phap@sau_thang": 9, "vu_kham_pha@sau_thang": 8}),
    # crime up from 6 to 9 (+50%) against the same months a year before: relapse
    monitored("hung-trach", "Xã Hưng Trạch", "Huyện Bố Trạch", "ttxh", **{"vu_pham_phap@sau_thang": 9, "vu_kham_pha@sau_thang": 8}),
    monitored("quang-hoa", "Xã Quảng Hoà", "Thị xã Ba Đồn", "ttxh"),
    monitored("quang-kim", "Xã Quảng Kim", "Huyện Quảng Trạch", "ttxh", **{"vu_pham_phap@cung_ky": 4, "vu_pham_phap@sau_thang": 4, "vu_kham_pha@sau_thang": 4}),
    monitored("thach-hoa", "Xã Thạch Hoá", "Huyện Tuyên Hoá", "ttxh", **{"vu_pham_phap@sau_thang": 3, "vu_kham_pha@sau_thang": 3}),
    monitored("hoa-tien", "Xã Hoá Tiến", "Huyện Minh Hoá", "ttxh", **{"vu_pham_phap@cung_ky": 5, "vu_pham_phap@sau_thang": 5, "vu_kham_pha@sau_thang": 4}),
]

with open("data/quang-binh-2024.json", "w", encoding="utf-8") as f:
    # `synthetic` and `as_of` (the end of the year's reporting period) head the council report.
    f.write('{ "note": ' + json.dumps(NOTE, ensure_ascii=False) + ',\n  "synthetic": true, "as_of": "2024-12-14",\n  "areas": [\n')
    f.write(",\n".join("    " + json.dumps(a, ensure_ascii=False) for a in areas))
    f.write("\n  ]\n}\n")

columns = []
for a in areas:
    for k in a["values"]:
        if k not in columns:
            columns.append(k)
with open("data/quang-binh-2024.csv", "w", encoding="utf-8", newline="") as f:
    f.write("# " + NOTE + "\n")
    w = csv.writer(f)
    w.writerow(["id", "name", "district"] + columns)
    for a in areas:
        cell = lambda x: "" if x is None else ("true" if x is True else "false" if x is False else str(x))
        w.writerow([a["id"], a["name"], a["district"]] + [cell(a["values"].get(c)) for c in columns])
