"""The names lists give a person's columns, as the forms in use write them: one tuple per field,
shared by every import (the roster, the bus lists, the recipients of a payment), which adds what
only its own lists write. The first name is the field's label in messages.

A name here must not mean anything else on a list: 联系方式 is a phone number (a 联系方式 over
手机 and 固定电话 is a two-row header, read as its lower row); 编号 and 出生年月 are left out.
"""
from __future__ import annotations

NAME = ("姓名", "职工姓名", "会员姓名", "员工姓名")
ID_NUMBER = ("身份证号", "公民身份号码", "证件号码", "身份证号码", "身份证", "居民身份证号码",
             "居民身份证号", "公民身份证号码", "公民身份证号", "身份证件号码", "身份证件号", "证件号",
             "身份号码")
PHONE = ("手机", "手机号", "手机号码", "联系电话", "电话", "移动电话", "联系方式", "联系号码",
         "本人手机", "本人手机号", "本人电话", "个人手机")
EMPLOYER = ("工作单位", "单位", "单位名称", "所在单位", "工作单位名称", "用人单位")
# the township a row of a city-wide list belongs to (`import_sheet.read_sheet(township=…)`)
TOWNSHIP = ("乡镇（街道）", "乡镇", "乡镇街道", "乡镇/街道", "所属乡镇", "所在乡镇", "乡镇名称",
            "所属乡镇（街道）", "乡镇（街道）名称", "镇（乡、街道）", "镇街")
