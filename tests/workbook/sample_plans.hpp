// Hand-built Plans shaped like the real ones (a Gantt plan, a stage/RAG plan, a target-matrix plan, edge cases),
// shared by the layout unit tests and the make_workbooks tool that feeds the read-back tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/plan.hpp"

namespace plansheet::test_plans {

inline int fy_month(int year, int month) { return year * 12 + month - 1; }

// Shaped like the Leicestershire 2050 Net Zero plan: id/objective/action/lead/partners/start/end and a Gantt grid
// of financial years; sections as band rows; no RAG column; a homoglyph id and a split section name repaired.
inline Plan gantt_plan() {
  Plan p;
  p.source = "samples/leicestershire-2050-net-zero-action-plan.txt";
  p.title = "2050 Net Zero Leicestershire Action Plan";
  p.columns = {{Role::id, "Action ID"},     {Role::objective, "Objective"}, {Role::action, "Action"},
               {Role::lead, "LCC team leads"}, {Role::partners, "Partners"},  {Role::start, "Timescale / Start"},
               {Role::end, "Timescale / End"}};
  p.periods = {"2025-26", "2026-27", "2027-28", "2028-29", "2029-30"};
  for (const std::string& period : p.periods) p.columns.push_back({Role::period, period});
  auto add = [&](std::string id, std::string section, std::string objective, std::string action, std::string lead,
                 std::string partners, std::string start, std::string end, std::vector<std::string> periods,
                 Interval interval, int line) {
    Action a;
    a.id = std::move(id);
    a.section = std::move(section);
    a.objective = std::move(objective);
    a.action = std::move(action);
    a.lead = std::move(lead);
    a.partners = std::move(partners);
    a.start = std::move(start);
    a.end = std::move(end);
    a.periods = std::move(periods);
    a.interval = interval;
    a.line = line;
    p.actions.push_back(std::move(a));
  };
  const std::vector<std::string> all = p.periods;
  add("T1", "Transport", "All",
      "Develop a vision and strategy for decarbonised transport for Leicestershire via the new Local Transport Plan 4 "
      "(LTP4).",
      "Transport Strategy and Policy", "Transport Partners Business Residents", "Apr-25", "Mar-27",
      {"2025-26", "2026-27"}, {fy_month(2025, 4), fy_month(2027, 3), false}, 14);
  add("T2", "Transport", "All",
      "Work with partners to investigate models and tools to quantify the carbon impact of transport policy decisions "
      "and scheme design.",
      "Transport Strategy and Policy", "Midlands Connect Midlands Highway Alliance", "Ongoing", "Ongoing", all,
      {std::nullopt, std::nullopt, true}, 15);
  add("T3", "Transport", "1, 2",
      "Continue to implement the actions identified in the Cycling and Walking Strategy, which include building key "
      "infrastructure and delivering behaviour change projects to enable and encourage active travel use and reducing "
      "reliance on cars.",
      "Sustainable Travel and Transport Transport Projects and Programmes Transport Strategy and Policy",
      "Active Travel England (ATE) District councils Leicester City Council Health partners Residents Businesses "
      "Schools Active travel partnerships Community groups",
      "Ongoing", "Ongoing", all, {std::nullopt, std::nullopt, true}, 16);
  add("T9", "Transport", "5",
      "Work with partners to consider the potential options for joint procurement of low emission vehicles and "
      "refuelling infrastructure.",
      "Carbon Reduction Team Commissioning Support Unit", "District councils Health partners Energy Saving Trust",
      "Apr-27", "Mar-30", {"2027-28", "2028-29", "2029-30"}, {fy_month(2027, 4), fy_month(2030, 3), false}, 22);
  add("B1", "Buildings and Energy", "2, 3, 6",
      "Work with partners to secure future funding to support building retrofit for homes and other buildings.",
      "Warm Homes Team", "District councils Midlands Net Zero Hub", "Ongoing", "Ongoing", all,
      {std::nullopt, std::nullopt, true}, 26);
  add("B3", "Buildings and Energy", "All",
      "Support the delivery of the Leicestershire Collaborate to Accelerate Net Zero (LCAN) work package 2 to develop "
      "a Local Area Energy Plan and use its outputs to stimulate low carbon technologies across the County through "
      "private investment and community energy schemes.",
      "Carbon Reduction Team", "LCAN partners District councils Leicester City Council", "Apr-25", "Mar-26",
      {"2025-26"}, {fy_month(2025, 4), fy_month(2026, 3), false}, 28);
  add("E7", "Business and Economy", "1, 2, 4",
      "Work with partners to use Enterprise Zones to support low carbon sector industry and business clusters and "
      "increase research and development capacity in the county through securing investment and delivery of pilot "
      "projects as staff resource allows.",
      "Growth Servce", "Business and Skills Partnership Universities", "Apr-25", "Ongoing", all,
      {fy_month(2025, 4), std::nullopt, true}, 38);
  p.legend = {{LegendKind::gantt, "Delivered in a specific timeframe", ""}, {LegendKind::gantt, "Ongoing actions", ""}};
  p.repairs = {
      {RepairRule::homoglyph, {16}, "T3", "id", "\u0442\u0437", "T3"},
      {RepairRule::split_word, {25}, "", "section", "Buildings a\tnd Energy", "Buildings and Energy"},
      {RepairRule::ocr, {38}, "E7", "lead", "Growth Servce.", "Growth Servce"},
  };
  p.warnings = {{{22}, "T9", "start date Apr-27 is after the first period of the grid"}};
  return p;
}

// Shaped like the Leicestershire Carbon Reduction Programme: id/action/timescale/stage/rag/update, a stage key and
// a RAG key in the plan's own words (Orange, not Amber), no title.
inline Plan rag_plan() {
  Plan p;
  p.source = "samples/leicestershire-carbon-reduction-programme-2023.txt";
  p.columns = {{Role::id, "Action ID"},     {Role::action, "Project Description"}, {Role::timescale, "Timescale"},
               {Role::stage, "Project stage"}, {Role::rag, "RAG"},                 {Role::update, "December 2023 Update"}};
  auto add = [&](std::string id, std::string section, std::string action, std::string timescale, std::string stage,
                 std::string rag, std::string colour, std::string update, int line) {
    Action a;
    a.id = std::move(id);
    a.section = std::move(section);
    a.action = std::move(action);
    a.timescale = std::move(timescale);
    a.stage = std::move(stage);
    a.rag = std::move(rag);
    a.rag_colour = std::move(colour);
    a.update = std::move(update);
    a.line = line;
    p.actions.push_back(std::move(a));
  };
  add("F1.1", "Finance", "Track and monitor the financial cost and savings of the Carbon Reduction Programme", "Ongoing",
      "Delivery", "green", "green",
      "Carried out within Discover, Design and Deliver project monitoring, alongside key plans under development for "
      "electric vehicle transition and buildings decarbonisation.",
      17);
  add("F1.2", "Finance", "Investigate innovative and alternative funding sources to drive forward carbon reduction projects",
      "2022-23", "Design", "orange", "amber",
      "In progress, forms part of the Net Zero Leicestershire Funding Plan.", 18);
  add("F1.5", "Finance", "Trial assigning a financial value to carbon, to help inform decisions and business cases",
      "2022-23", "Completed", "blue", "blue",
      "Completed through embedding carbon pricing within the business case template. Action will be archived.", 21);
  add("MG1.1", "Management & Governance",
      "Review and develop a new governance structure for monitoring progress with implementation of the Carbon "
      "Reduction Programme action plan",
      "Sep-22", "Completed", "green", "green",
      "Highlight reports for delivery groups taken to Carbon Reduction Programme Steering Group every 2 months.", 24);
  add("DM1.5", "Decision Making and Procurement",
      "Investigate incorporating net zero requirements into project approval and spend control forms", "TBC",
      "Discovery", "red", "red",
      "Current spend controls are in place to support the council's financial position; additional spend controls to "
      "support carbon reduction are on hold.",
      31);
  add("DM1.6", "Decision Making and Procurement",
      "Investigate incorporating carbon impacts of key decisions into Democratic Services report templates and guidance",
      "2024-25", "discovery", "", "", "", 32);
  p.legend = {{LegendKind::stage, "In discovery (research, fact finding, gather evidence)", ""},
              {LegendKind::stage, "In design (develop techniques/plan for delivery)", ""},
              {LegendKind::stage, "In delivery (executing plan agreed at design)", ""},
              {LegendKind::rag, "Green action delivery on track/to agreed timelines (may be agreed to start at a later date)", "green"},
              {LegendKind::rag, "Orange some delivery off track/timelines, further work to be completed", "amber"},
              {LegendKind::rag, "Red significantly off track/timelines, or may no longer be possible.", "red"}};
  p.repairs = {{RepairRule::homoglyph, {31}, "DM1.5", "timescale", "\u0422\u0412\u0421", "TBC"},
               {RepairRule::split_word, {23}, "", "section", "Workstrea\tm: Management & Governance", "Management & Governance"}};
  return p;
}

// Shaped like the Cambridgeshire targets matrix: id, seven target tick columns with long labels, then
// action/status/update/timescale; a repeated id; a status with a comma (forces the hidden list sheet).
inline Plan matrix_plan() {
  Plan p;
  p.source = "samples/cambridgeshire-climate-strategy-targets-matrix.txt";
  p.title = "Cambridgeshire Climate Change and Environment Strategy: Action Plan";
  p.columns.push_back({Role::id, "No."});
  const std::vector<std::string> targets = {
      "Understand and grow our natural capital account to benefit people and nature",
      "Net zero for Council's scope 1 and 2 emissions by 2030",
      "Reduce supply chain emissions (all scope 3) by 2030",
      "Improve our Biodiversity across Council estate by 2030",
      "Support communities and businesses to reduce emissions",
      "All Council buildings and infrastructure to be resilient to climate change impacts by 2045",
      "Help residents to adapt to climate change"};
  for (const std::string& t : targets) p.columns.push_back({Role::target, t});
  p.columns.push_back({Role::action, "Action"});
  p.columns.push_back({Role::status, "Status"});
  p.columns.push_back({Role::update, "Update"});
  p.columns.push_back({Role::timescale, "Timescale"});
  auto add = [&](std::string id, std::vector<bool> ticks, std::string action, std::string status, std::string update,
                 std::string timescale, int line) {
    Action a;
    a.id = std::move(id);
    a.targets = std::move(ticks);
    a.action = std::move(action);
    a.status = std::move(status);
    a.update = std::move(update);
    a.timescale = std::move(timescale);
    a.line = line;
    p.actions.push_back(std::move(a));
  };
  add("1", {false, true, true, true, true, true, true},
      "Embed climate/environment into decision making across the organisation, including: - All committee paper "
      "templates incorporate a requirement for officer clearance of implications of climate change impacts",
      "In progress", "Continuing to sign off committee papers.", "2021", 4);
  add("2", {false, true, true, false, true, false, false},
      "Develop and upskill officers' capability to undertake (or commission) lifecycle analysis when procuring "
      "construction goods and services to ensure minimisation of carbon emissions and waste.",
      "In progress", "Work ongoing with contractors to understand lifecycle analysis, particularly in highways.",
      "ongoing", 5);
  add("16", {false, false, true, false, true, true, false},
      "Identify opportunities on County Council assets to trial new technologies, including electrolysis of hydrogen "
      "using solar PV and carbon capture and storage mechanisms",
      "In progress", "Work continues to deliver projects and establish a pipeline of future opportunities.", "2023", 19);
  add("22", {false, false, false, true, true, true, true},
      "Scope all Council building for suitability for workplace EV chargepoints and commence a delivery programme to "
      "facilitate staff and",
      "Delivery", "Delays to delivery of current 18 chargepoints.", "", 27);
  add("22", {false, true, true, false, true, false, false}, "fleet transition to EV at all suitable locations",
      "On hold, awaiting funding", "Delays to delivery of current 18 chargepoints, scoping of wider sites not yet commenced.",
      "", 28);
  add("24", {false, true, false, false, true, false, false},
      "Transition all corporate transport fleets (e.g., gritters, mobile libraries, highways fleet, pool and hire car & "
      "vans etc), to low carbon alternatives, e.g., EV (Electric Vehicle), e-bikes etc.",
      "Not Started", "Gap in Fleet Management function identified and raised internally.", "2025", 30);
  p.repairs = {{RepairRule::ocr, {19}, "16", "status", "n In progress", "In progress"},
               {RepairRule::misplaced_text, {28}, "22", "action", "fleet transition to EV at all suitable locations r",
                "fleet transition to EV at all suitable locations"}};
  p.warnings = {{{27}, "22", "action id 22 appears twice (lines 27 and 28)"}};
  return p;
}

// Edge cases: an ampersand and quotes in the title, a cell over Excel's limit, a rag word with no colour.
inline Plan edge_plan() {
  Plan p;
  p.source = "samples/kent-medway-energy-low-emissions-plan.txt";
  p.title = "Kent & Medway \"Energy\" and Low Emissions Strategy";
  p.columns = {{Role::id, "Ref"}, {Role::section, "Theme"}, {Role::action, "Action"}, {Role::lead, "Lead"},
               {Role::timescale, "Timescale"}, {Role::rag, "RAG"}, {Role::extra, "Funding"}};
  Action a;
  a.id = "1.1";
  a.section = "Carbon Reduction";
  a.action = "Continue to deliver local energy efficiency and emission management strategies across owned estates.";
  a.lead = "CCN";
  a.timescale = "Ongoing";
  a.rag = "purple";
  a.extra = {{"Funding", "Core budget"}};
  a.line = 8;
  p.actions.push_back(a);
  Action b;
  b.id = "2.1";
  b.section = "Public Sector Decision Making";
  b.action = std::string("Design, test, and implement a Sustainable Procurement Toolkit. ") + std::string(40000, 'x');
  b.lead = "KCC";
  b.timescale = "2026";
  b.rag = "amber";
  b.rag_colour = "amber";
  b.line = 12;
  p.actions.push_back(b);
  return p;
}

inline Plan empty_plan() {
  Plan p;
  p.source = "-";
  p.columns = {{Role::id, "ID"}, {Role::action, "Action"}};
  return p;
}

// The RAG plan's actions over and over (ids A1, A2, ...) in two sections, each with a repaired stage: long enough to
// go on over continuation sheets when the layout is given a short sheet.
inline Plan long_plan(int actions) {
  Plan p = rag_plan();
  const std::vector<Action> base = p.actions;
  p.actions.clear();
  p.repairs.clear();
  for (int i = 0; i < actions; ++i) {
    Action a = base[static_cast<std::size_t>(i) % base.size()];
    a.id = "A" + std::to_string(i + 1);
    a.section = i < actions / 2 ? "Buildings" : "Transport";
    a.line = 10 + i;
    p.repairs.push_back({RepairRule::ocr, {a.line}, a.id, "stage", "0esign", a.stage});
    p.actions.push_back(std::move(a));
  }
  return p;
}

inline std::vector<std::pair<std::string, Plan>> all_plans() {
  return {{"gantt", gantt_plan()}, {"rag", rag_plan()}, {"matrix", matrix_plan()}, {"edge", edge_plan()},
          {"empty", empty_plan()}};
}

}  // namespace plansheet::test_plans
