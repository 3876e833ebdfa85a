// cppunit_main.cpp: runs every registered CppUnit suite; a test name may be given to run one.
#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

#include <iostream>

int main(int argc, char** argv) {
  CppUnit::TestResult controller;
  CppUnit::TestResultCollector result;
  controller.addListener(&result);
  CppUnit::BriefTestProgressListener progress;
  controller.addListener(&progress);

  CppUnit::TestRunner runner;
  runner.addTest(CppUnit::TestFactoryRegistry::getRegistry().makeTest());
  try {
    runner.run(controller, argc > 1 ? argv[1] : "");
  } catch (const std::invalid_argument& e) {
    std::cerr << "no such test: " << e.what() << "\n";
    return 2;
  }
  CppUnit::CompilerOutputter(&result, std::cerr).write();
  std::cout << result.runTests() - result.testFailuresTotal() << " passed, "
            << result.testFailuresTotal() << " failed\n";
  return result.wasSuccessful() && result.runTests() > 0 ? 0 : 1;
}
